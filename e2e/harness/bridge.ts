import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestBridge {
  name: string;
  /** The bridge's own address with prefix, e.g. 10.203.17.1/24 (dockerd takes its gateway from it). */
  cidr: string;
}

/** Dotted IPv4 → 32-bit unsigned number. */
function toInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

function range(cidr: string): [number, number] {
  const [ip = '0.0.0.0', bits = '32'] = cidr.split('/');
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const start = (toInt(ip) & mask) >>> 0;
  return [start, (start | (~mask >>> 0)) >>> 0];
}

export function overlaps(a: string, b: string): boolean {
  const [aStart, aEnd] = range(a);
  const [bStart, bEnd] = range(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** Every IPv4 prefix the host already routes or owns (other test engines, docker networks, the LAN). */
export async function usedPrefixes(): Promise<string[]> {
  const routes = (await run('ip', ['-4', '-o', 'route', 'show', 'table', 'all'])).stdout;
  const addrs = (await run('ip', ['-4', '-o', 'addr', 'show'])).stdout;
  const found = new Set<string>();
  for (const m of routes.matchAll(/^(?:\S+\s+)?(\d+\.\d+\.\d+\.\d+(?:\/\d+)?)/gm))
    found.add(m[1]?.includes('/') ? m[1] : `${m[1]}/32`);
  for (const m of addrs.matchAll(/inet (\d+\.\d+\.\d+\.\d+\/\d+)/g)) if (m[1]) found.add(m[1]);
  return [...found].filter((p) => !p.startsWith('0.0.0.0/0'));
}

/**
 * A fresh Linux bridge with a random /24 inside 10.200.0.0/13 that nothing on the host uses, so several test
 * engines (ours and other suites') never fight over docker0 or its subnet.
 */
export async function createTestBridge(attempts = 20): Promise<TestBridge> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const name = `bth${randomBytes(3).toString('hex')}`;
    const subnet = `10.${200 + randomInt(8)}.${randomInt(256)}.0/24`;
    const used = await usedPrefixes();
    if (used.some((p) => overlaps(p, subnet))) continue;
    const cidr = subnet.replace(/\.0\/24$/, '.1/24');
    try {
      await run('ip', ['link', 'add', 'name', name, 'type', 'bridge']);
    } catch (err) {
      lastError = err;
      continue;
    }
    try {
      await run('ip', ['addr', 'add', cidr, 'dev', name]);
      await run('ip', ['link', 'set', name, 'up']);
      return { name, cidr };
    } catch (err) {
      lastError = err;
      await deleteTestBridge(name);
    }
  }
  throw new Error(
    `Could not create a test bridge in 10.200.0.0/13 after ${attempts} attempts: ${String(lastError)}`,
  );
}

export async function deleteTestBridge(name: string): Promise<void> {
  await run('ip', ['link', 'del', name]).catch(() => undefined);
}
