import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into every test engine's data dir so a later run can tell an orphan from a sibling's live engine. */
const OWNER_FILE = 'harness-owner.json';
export const TEST_DIR_PREFIX = 'berth-te-';

interface OwnerRecord {
  ownerPid: number;
  bridge?: string;
}

/** Pids of every process whose command line mentions `needle` (dockerd, containerd, shims of one data dir). */
export function pidsReferencing(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(pid);
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export function killSync(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Mount points under a dir (overlay layers, netns files), deepest first so parents unmount last. */
export function mountsUnder(dir: string): string[] {
  const mountInfo = readFileSync('/proc/self/mountinfo', 'utf8');
  return mountInfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((mp): mp is string => mp !== undefined && (mp === dir || mp.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
}

/** Last-resort teardown that works inside a process 'exit' handler (synchronous only). */
export function destroySync(dataDir: string, bridge: string | undefined): void {
  killSync(pidsReferencing(dataDir));
  destroyClusterNetworkSync(dataDir);
  for (const mp of mountsUnder(dataDir)) {
    try {
      execFileSync('umount', ['-l', mp], { stdio: 'ignore' });
    } catch {
      // not mounted any more
    }
  }
  if (bridge) {
    try {
      execFileSync('ip', ['link', 'del', bridge], { stdio: 'ignore' });
    } catch {
      // already deleted
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** A test swarm's host networking (namespaces, bridge, forward rules), named in its cluster.json. */
function destroyClusterNetworkSync(dataDir: string): void {
  const stateFile = join(dataDir, 'cluster', 'cluster.json');
  if (!existsSync(stateFile)) return;
  const quiet = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { bridge?: { name: string }; nodes?: { netns?: string }[] };
    for (const n of state.nodes ?? []) if (n.netns) quiet('ip', ['netns', 'del', n.netns]);
    const br = state.bridge?.name;
    if (!br) return;
    for (const chain of ['DOCKER-USER', 'FORWARD'])
      for (let i = 0; i < 10 && quiet('iptables', ['-D', chain, '-i', br, '-o', br, '-j', 'ACCEPT']); i++);
    quiet('ip', ['link', 'del', br]);
  } catch {
    // unreadable state: the folder removal below still runs
  }
}

const live = new Map<string, string | undefined>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  destroyAllSync();
  // We replaced the default action by listening; restore it when nobody else (vitest, playwright) handles it.
  if (process.listenerCount(signal) === 1) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
}

function destroyAllSync(): void {
  for (const [dataDir, bridge] of live) destroySync(dataDir, bridge);
  live.clear();
}

/** Tracks a test engine so it dies with this process, however the process ends (short of SIGKILL). */
export function track(dataDir: string, bridge: string | undefined): void {
  writeFileSync(
    join(dataDir, OWNER_FILE),
    JSON.stringify({ ownerPid: process.pid, bridge } satisfies OwnerRecord),
  );
  live.set(dataDir, bridge);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', destroyAllSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

export function untrack(dataDir: string): void {
  live.delete(dataDir);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes engines left by a test process that was SIGKILLed (no exit handler ran): their owner pid is gone.
 * Engines of live processes (other suites running now) are left alone.
 */
export function reapOrphans(tmpDir = '/tmp'): number {
  let reaped = 0;
  for (const entry of readdirSync(tmpDir)) {
    if (!entry.startsWith(TEST_DIR_PREFIX)) continue;
    const dataDir = join(tmpDir, entry);
    const ownerFile = join(dataDir, OWNER_FILE);
    if (!existsSync(ownerFile)) continue;
    try {
      const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as OwnerRecord;
      if (alive(owner.ownerPid)) continue;
      destroySync(dataDir, owner.bridge);
      reaped++;
    } catch {
      // unreadable record: leave it for a person to look at
    }
  }
  return reaped;
}
