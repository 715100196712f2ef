import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { clearStaleContainerdPid } from '../embedded';
import { findExecutable } from '../embedded-launch';
import { engineLayout, type EngineLayout } from '../embedded-layout';
import { isAlive, isBerthEngine, pingSocket, readPidFile, tailFile, terminate, waitForPing } from '../engine-process';
import { ensurePrivateDir } from '../private-dir';
import { netnsPath } from './netns';
import { killAll, processesUnder, unmountAll } from './processes';

/** One cluster node's engine: a dockerd in its own network and UTS namespace, with its own paths. */
export interface NetnsEngineSpec {
  /** `<data-dir>/cluster/nodeN`: everything of the node lives under it. */
  dir: string;
  netns: string;
  hostname: string;
  /** docker0 inside the node, distinct per node, e.g. 172.30.1.1/24. */
  bip: string;
}

export function nodeLayout(dir: string): EngineLayout {
  return engineLayout(dir, process.env, process.getuid?.() ?? 0);
}

/**
 * The argv: nsenter joins the node's network namespace (not `ip netns exec`, which remounts /sys and makes
 * dockerd fail with "Devices cgroup isn't mounted"), unshare gives it its own UTS namespace, and the shell sets
 * the hostname there and execs dockerd, so the spawned pid ends up being dockerd itself.
 */
export function netnsEngineArgv(spec: NetnsEngineSpec, dockerd: string, layout: EngineLayout): string[] {
  return [
    `--net=${netnsPath(spec.netns)}`,
    'unshare',
    '--uts',
    '/bin/sh',
    '-c',
    'printf %s "$0" > /proc/sys/kernel/hostname && exec "$@"',
    spec.hostname,
    dockerd,
    '--data-root', layout.dataRoot,
    '--exec-root', layout.execRoot,
    '--pidfile', layout.pidFile,
    '-H', `unix://${layout.socketPath}`,
    '--bip', spec.bip,
  ];
}

export type NodeProcessState = { state: 'running'; pid: number } | { state: 'stopped'; pid?: undefined };

/** Running means: the pidfile names a live dockerd on this node's data root and its socket answers. */
export async function netnsEngineState(dir: string): Promise<NodeProcessState> {
  const layout = nodeLayout(dir);
  const pid = await readPidFile(layout.pidFile);
  if (pid === undefined || !isAlive(pid) || !(await isBerthEngine(pid, layout.dataRoot))) return { state: 'stopped' };
  return (await pingSocket(layout.socketPath, 1_500)) ? { state: 'running', pid } : { state: 'stopped' };
}

/**
 * Starts the node's dockerd detached (it keeps running when Berth quits) and resolves with its pid once /_ping
 * answers. The namespace must exist already (ensureNodeNetwork).
 */
export async function startNetnsEngine(spec: NetnsEngineSpec, timeoutMs = 40_000): Promise<{ pid: number; socketPath: string }> {
  const layout = nodeLayout(spec.dir);
  const current = await netnsEngineState(spec.dir);
  if (current.state === 'running') return { pid: current.pid, socketPath: layout.socketPath };
  const [nsenter, dockerd] = await Promise.all([findExecutable('nsenter', process.env), findExecutable('dockerd', process.env)]);
  if (!nsenter || !dockerd) {
    throw new BerthError(ErrorCode.ENGINE_NOT_INSTALLED, `${nsenter ? 'dockerd' : 'nsenter (util-linux)'} is not installed on this machine.`);
  }
  await ensurePrivateDir(spec.dir);
  await ensurePrivateDir(layout.engineDir);
  // Leftovers of a crash (a containerd, shims, mounts) would make the new dockerd wait for them and time out.
  await killAll(await processesUnder(spec.dir));
  await clearStaleContainerdPid(layout);
  const args = netnsEngineArgv(spec, dockerd, layout);
  const logFd = openSync(layout.logFile, 'a');
  writeSync(logFd, `\n--- ${new Date().toISOString()} Berth starts cluster node ${spec.hostname}: ${nsenter} ${args.join(' ')}\n`);
  let exitInfo: string | undefined;
  const child = (() => {
    try {
      return spawn(nsenter, args, { stdio: ['ignore', logFd, logFd], detached: true });
    } finally {
      closeSync(logFd);
    }
  })();
  child.on('error', (err) => (exitInfo = `could not be started (${err.message})`));
  child.on('exit', (code, signal) => (exitInfo = signal ? `was killed by ${signal}` : `exited with code ${code ?? '?'}`));
  const outcome = await waitForPing(layout.socketPath, timeoutMs, () => exitInfo !== undefined);
  if (outcome !== 'ready' || child.pid === undefined) {
    if (child.pid !== undefined) await terminate(child.pid, { graceMs: 3_000, group: true });
    const why = outcome === 'timeout' ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : (exitInfo ?? 'exited');
    throw new BerthError(
      outcome === 'timeout' ? ErrorCode.TIMEOUT : ErrorCode.ENGINE_UNREACHABLE,
      `The dockerd of ${spec.hostname} ${why}; see ${layout.logFile}. Last log lines:\n${await tailFile(layout.logFile, 8)}`,
      { logFile: layout.logFile },
    );
  }
  child.unref();
  return { pid: child.pid, socketPath: layout.socketPath };
}

/** Stops the node's dockerd (SIGTERM, then SIGKILL), then anything still using its dir, and unmounts what is left. */
export async function stopNetnsEngine(dir: string, graceMs = 15_000): Promise<void> {
  const layout = nodeLayout(dir);
  const pid = await readPidFile(layout.pidFile);
  if (pid !== undefined && isAlive(pid) && (await isBerthEngine(pid, layout.dataRoot))) await terminate(pid, { graceMs });
  await killAll(await processesUnder(dir));
  await unmountAll(dir);
}
