import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { overlaps, parseUsedPrefixes } from './ipv4';

const exec = promisify(execFile);

/** Runs a host networking command (ip, iptables); a failure names the command and what it printed. */
export async function run(cmd: string, args: string[]): Promise<string> {
  try {
    return (await exec(cmd, args)).stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const why = e.code === 'ENOENT' ? `${cmd} is not installed` : (e.stderr?.trim() || e.message);
    throw new Error(`${cmd} ${args.join(' ')}: ${why}`);
  }
}

export interface HostBridge {
  name: string;
  /** The bridge's own address with prefix, e.g. 10.203.17.1/24. */
  cidr: string;
}

/** Every IPv4 prefix the host already routes or owns (engines, docker networks, the LAN). */
export async function usedPrefixes(): Promise<string[]> {
  const routes = await run('ip', ['-4', '-o', 'route', 'show', 'table', 'all']);
  const addrs = await run('ip', ['-4', '-o', 'addr', 'show']);
  return parseUsedPrefixes(routes, addrs);
}

/**
 * A fresh Linux bridge named `prefix` + 6 hex digits with a random /24 inside 10.200.0.0/13 that nothing on the
 * host uses, so several engines (the user's, tests', a cluster's) never fight over a subnet.
 */
export async function createBridge(prefix: string, attempts = 20): Promise<HostBridge> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const name = `${prefix}${randomBytes(3).toString('hex')}`;
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
      await bringUpBridge({ name, cidr });
      return { name, cidr };
    } catch (err) {
      lastError = err;
      await deleteLink(name);
    }
  }
  throw new Error(`Could not create a bridge in 10.200.0.0/13 after ${attempts} attempts: ${String(lastError)}`);
}

/** Gives an existing (or re-created, after a reboot) bridge its address and brings it up. */
export async function bringUpBridge(bridge: HostBridge): Promise<void> {
  if (!(await linkExists(bridge.name))) await run('ip', ['link', 'add', 'name', bridge.name, 'type', 'bridge']);
  const addrs = await run('ip', ['-4', '-o', 'addr', 'show', 'dev', bridge.name]);
  if (!addrs.includes(`inet ${bridge.cidr}`)) await run('ip', ['addr', 'add', bridge.cidr, 'dev', bridge.name]);
  await run('ip', ['link', 'set', bridge.name, 'up']);
}

export async function linkExists(name: string): Promise<boolean> {
  return run('ip', ['link', 'show', 'dev', name]).then(
    () => true,
    () => false,
  );
}

export async function deleteLink(name: string): Promise<void> {
  await run('ip', ['link', 'del', name]).catch(() => undefined);
}
