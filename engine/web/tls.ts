import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 fingerprint of the certificate, as browsers show it (AB:CD:...). */
  fingerprint: string;
}

/** Reads a certificate and key the user gave (--tls-cert / --tls-key). */
export function loadTls(certFile: string, keyFile: string): TlsMaterial {
  const cert = readFileSync(certFile, 'utf8');
  const key = readFileSync(keyFile, 'utf8');
  return { cert, key, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/**
 * A self-signed certificate for `host`, kept in `dir` (0700; key 0600) and reused across starts so the
 * fingerprint the user checked once stays the same. Made by the `openssl` binary (Node cannot create X.509
 * certificates and Berth adds no npm dependency for it); without openssl the error says what to pass instead.
 */
export function ensureSelfSignedTls(
  dir: string,
  host: string,
  run: (args: string[]) => void = runOpenssl,
): TlsMaterial {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const existing = loadTls(certFile, keyFile);
    if (covers(existing.cert, host)) return existing;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const san = [isIP(host) ? `IP:${host}` : `DNS:${host}`, 'DNS:localhost', 'IP:127.0.0.1'].join(',');
  // Written under temporary names, then renamed: a failed run never leaves a key without its certificate.
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '825',
    '-subj',
    '/CN=Berth web mode',
    '-addext',
    `subjectAltName=${san}`,
    '-keyout',
    `${keyFile}.tmp`,
    '-out',
    `${certFile}.tmp`,
  ]);
  chmodSync(`${keyFile}.tmp`, 0o600);
  renameSync(`${keyFile}.tmp`, keyFile);
  renameSync(`${certFile}.tmp`, certFile);
  return loadTls(certFile, keyFile);
}

function covers(certPem: string, host: string): boolean {
  const cert = new X509Certificate(certPem);
  if (new Date(cert.validTo).getTime() < Date.now()) return false;
  return isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
}

function runOpenssl(args: string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'Berth needs the openssl program to make a self-signed certificate. Install it, or pass --tls-cert and --tls-key.'
        : `openssl could not make a certificate: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
