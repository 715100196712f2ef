import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Host key verification for ssh:// engines against OpenSSH's known_hosts files, as the Docker CLI does
 * (it runs `ssh`). Without it anyone on the network path could pose as the engine host and receive
 * root-equivalent commands. Berth never adds keys itself: an unknown key is refused with what to run
 * (`ssh host` once, which asks and records), a changed key is refused outright.
 */
export type HostKeyVerdict =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'changed' | 'revoked'; fingerprint: string; message: string };

export const defaultKnownHostsFiles = (): string[] => [
  join(homedir(), '.ssh', 'known_hosts'),
  '/etc/ssh/ssh_known_hosts',
];

/** SHA256:base64 without padding, as `ssh-keygen -l` prints it. */
export const keyFingerprint = (key: Buffer): string =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

export function checkHostKey(knownHosts: string, host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
  const fingerprint = keyFingerprint(key);
  let known = false;
  for (const raw of knownHosts.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    const [patterns, , blob] = fields;
    if (!patterns || !blob || marker === '@cert-authority') continue;
    if (!hostMatches(patterns, name)) continue;
    const same = Buffer.from(blob, 'base64').equals(key);
    if (marker === '@revoked') {
      if (same)
        return refused(
          'revoked',
          fingerprint,
          `The SSH host key of ${name} (${fingerprint}) is marked revoked in known_hosts.`,
        );
      continue;
    }
    if (same) return { ok: true };
    known = true;
  }
  if (known) {
    return refused(
      'changed',
      fingerprint,
      `The SSH host key of ${name} CHANGED (now ${fingerprint}). Someone may be intercepting the connection; if the ` +
        `host was really reinstalled, remove its old key with \`ssh-keygen -R ${name}\` and connect once with ssh.`,
    );
  }
  return refused(
    'unknown',
    fingerprint,
    `The SSH host key of ${name} (${fingerprint}) is not in ~/.ssh/known_hosts. Run \`ssh ${port === 22 ? host : `-p ${port} ${host}`}\` ` +
      'once, check the fingerprint it shows, accept it, then try again.',
  );
}

/** An ssh2 `hostVerifier` reading the known_hosts files at connection time; refusals are reported to `onRefused`. */
export function knownHostsVerifier(
  host: string,
  port: number,
  onRefused: (verdict: HostKeyVerdict) => void,
  files: string[] = defaultKnownHostsFiles(),
): (key: Buffer) => boolean {
  return (key) => {
    const text = files.map((f) => readOrEmpty(f)).join('\n');
    const verdict = checkHostKey(text, host, port, key);
    if (!verdict.ok) onRefused(verdict);
    return verdict.ok;
  };
}

function refused(
  reason: 'unknown' | 'changed' | 'revoked',
  fingerprint: string,
  message: string,
): HostKeyVerdict {
  return { ok: false, reason, fingerprint, message };
}

/** A comma list of patterns (with * ? and !negation) or one hashed entry (|1|salt|hash). */
function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) {
    const [, , salt, hash] = patterns.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const p of patterns.toLowerCase().split(',')) {
    const negated = p.startsWith('!');
    if (wildcard(negated ? p.slice(1) : p).test(name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
