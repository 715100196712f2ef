import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost, isWildcardHost } from '../../web/host-check';
import type { WebServer } from '../../web/server';
import { ensureSelfSignedTls, loadTls, type TlsMaterial } from '../../web/tls';

interface TlsFlags {
  host?: string | undefined;
  insecure?: boolean | undefined;
  'tls-cert'?: string | undefined;
  'tls-key'?: string | undefined;
}

/**
 * The certificate `berth web` serves with: the user's (--tls-cert/--tls-key), or for a non-loopback --host
 * without --insecure a self-signed one kept in the data dir. Its fingerprint is printed so the user can check
 * it against what the browser shows on first visit.
 */
export function webTls(
  flags: TlsFlags,
  dataDir: string,
  say: (line: string) => void,
): TlsMaterial | undefined {
  let tls: TlsMaterial | undefined;
  const cert = flags['tls-cert'];
  const key = flags['tls-key'];
  if (cert !== undefined && key !== undefined) tls = loadTls(cert, key);
  else if (flags.host !== undefined && !isLoopbackHost(flags.host) && !flags.insecure) {
    const name = isWildcardHost(flags.host) ? hostname() : flags.host;
    tls = ensureSelfSignedTls(join(dataDir, 'tls'), name);
    say('Berth made a self-signed certificate for web mode; your browser will ask you to trust it.');
  }
  if (tls) say(`TLS certificate SHA-256 fingerprint: ${tls.fingerprint}`);
  return tls;
}

/**
 * `<dataDir>/web.json` (0600): the running server's origin and API token, for the user's own scripts and
 * tests (x-berth-token header). Readable by this user only, unlike a process argument or the terminal scrollback.
 */
export function writeConnectionFile(dataDir: string, server: Pick<WebServer, 'origin' | 'token'>): void {
  const file = join(dataDir, 'web.json');
  const body = `${JSON.stringify({ origin: server.origin, token: server.token, pid: process.pid }, null, 2)}\n`;
  writeFileSync(`${file}.tmp`, body, { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600); // a stale .tmp keeps its old mode through writeFileSync
  renameSync(`${file}.tmp`, file);
}

export function removeConnectionFile(dataDir: string): void {
  rmSync(join(dataDir, 'web.json'), { force: true });
}
