import { open, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { basename } from 'node:path';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function readPidFile(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(path, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True while a process exists (EPERM means it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive and not a zombie waiting for init to reap it: a process that can still do something. */
export async function isRunning(pid: number): Promise<boolean> {
  return isAlive(pid) && !(await isZombie(pid));
}

export async function processArgs(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a.length > 0);
  } catch {
    return undefined;
  }
}

/** The value of `--flag VALUE` or `--flag=VALUE` in an argv. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === flag) return args[i + 1];
    if (arg?.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

const ENGINE_PROGRAMS = new Set(['dockerd', 'dockerd-rootless.sh']);

/**
 * True only when an argv is a dockerd (or Berth's rootless launcher around one) using exactly this data root:
 * the check that keeps Berth from ever signalling an engine it did not start, even after PID reuse.
 */
export function isEngineArgs(args: readonly string[], dataRoot: string): boolean {
  const runsDockerd = args.some((a) => ENGINE_PROGRAMS.has(basename(a)));
  return runsDockerd && flagValue(args, '--data-root') === dataRoot;
}

export async function isBerthEngine(pid: number, dataRoot: string): Promise<boolean> {
  const args = await processArgs(pid);
  return args !== undefined && isEngineArgs(args, dataRoot);
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || (await isZombie(pid))) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** A killed child that its parent has not reaped yet still answers kill(0); it is gone for our purposes. */
export async function isZombie(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the launcher only (dockerd then stops its containers and containerd in order; rootlesskit forwards
 * the signal to its dockerd), then SIGKILL after the grace period, to the whole process group when `group` is set
 * (the launcher was spawned as a group leader) so no slirp4netns or half-dead child is left behind.
 */
export async function terminate(pid: number, opts: { graceMs?: number; group?: boolean } = {}): Promise<void> {
  const signal = (target: number, sig: NodeJS.Signals) => {
    try {
      process.kill(target, sig);
    } catch {
      // already gone
    }
  };
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, opts.graceMs ?? 20_000)) return;
  signal(opts.group ? -pid : pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/** One GET /_ping over the unix socket; true when the daemon answers OK. */
export function pingSocket(socketPath: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('close', () => resolve(false)); // dropped before the end (a no-op after 'end')
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export type PingOutcome = 'ready' | 'exited' | 'timeout';

/** Polls /_ping every 100 ms until it answers, the process exits, or the time is up. */
export async function waitForPing(socketPath: string, timeoutMs: number, exited: () => boolean): Promise<PingOutcome> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return 'exited';
    if (await pingSocket(socketPath, 1_000)) return 'ready';
    await sleep(100);
  }
  return 'timeout';
}

/** The last lines of a log, for error messages that show why the engine did not start. */
export async function tailFile(path: string, lines = 20): Promise<string> {
  try {
    // The log is appended to across runs; only its end matters.
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const length = Math.min(size, 64 * 1024);
      const buf = Buffer.alloc(length);
      await fh.read(buf, 0, length, size - length);
      return buf.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } finally {
      await fh.close();
    }
  } catch {
    return '(no log written)';
  }
}
