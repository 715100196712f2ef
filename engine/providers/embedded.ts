import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { chown, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ErrorCode, type EngineCandidate } from '../contract';
import { BerthError } from '../base/errors';
import { embeddedCandidateOf, engineLayout, type EngineLayout } from './embedded-layout';
import { layoutFor, lookupUser, planLaunch, resolveRootless, type LaunchPlan } from './embedded-launch';
import {
  isAlive,
  isBerthEngine,
  isRunning,
  processArgs,
  pingSocket,
  readPidFile,
  tailFile,
  terminate,
  waitForExit,
  waitForPing,
} from './engine-process';
import { ensurePrivateDir } from './private-dir';
import type { EmbeddedEngine, EmbeddedEngineOptions } from './types';

export { defaultDataDir } from './embedded-layout';
export { installHint } from './install-hint';

const DEFAULT_TIMEOUT_MS = { rootful: 30_000, rootless: 60_000 };

/** The candidate for Berth's own engine, whether or not it is running; discovery always lists it last. */
export async function embeddedCandidate(opts: EmbeddedEngineOptions): Promise<EngineCandidate> {
  const account = opts.runAsUser === undefined ? undefined : await lookupUser(opts.runAsUser);
  const rootless = resolveRootless(opts, process.getuid?.() ?? 0);
  return embeddedCandidateOf(layoutFor(opts, account).socketPath, rootless);
}

/**
 * Starts Berth's own dockerd on opts.dataDir, or reuses the one already running there (found through its pidfile
 * and checked to be Berth's dockerd on this data root). Resolves once GET /_ping answers.
 */
export async function startEmbeddedEngine(opts: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const plan = await planLaunch(opts);
  const { layout } = plan;
  const timeoutMs = opts.startTimeoutMs ?? (plan.rootless ? DEFAULT_TIMEOUT_MS.rootless : DEFAULT_TIMEOUT_MS.rootful);
  await prepareDirs(plan);

  const reused = await reuseRunning(plan, timeoutMs);
  if (reused) return reused;
  if (await pingSocket(layout.socketPath, 1_000)) {
    throw new BerthError(
      ErrorCode.CONFLICT,
      `Another engine already answers on ${layout.socketPath} but it is not Berth's (no matching pidfile); stop it or choose another data directory.`,
    );
  }

  await clearStaleContainerdPid(layout);
  const logFd = openSync(layout.logFile, 'a');
  writeSync(logFd, `\n--- ${new Date().toISOString()} Berth starts: ${plan.command} ${plan.args.join(' ')}\n`);
  let exitInfo: string | undefined;
  const child = (() => {
    try {
      // Own process group, so stop() can signal rootlesskit, slirp4netns and dockerd together, and a Ctrl-C meant
      // for the parent does not tear the engine down mid-write.
      return spawn(plan.command, plan.args, {
        stdio: ['ignore', logFd, logFd],
        detached: true,
        env: plan.env,
        ...(plan.account ? { uid: plan.account.uid, gid: plan.account.gid } : {}),
      });
    } finally {
      closeSync(logFd);
    }
  })();
  child.on('error', (err) => (exitInfo = `could not be started (${err.message})`));
  child.on('exit', (code, signal) => (exitInfo = signal ? `was killed by ${signal}` : `exited with code ${code ?? '?'}`));
  const pid = child.pid;
  if (pid !== undefined) await writeFile(layout.launcherPidFile, `${pid}\n`);

  const outcome = await waitForPing(layout.socketPath, timeoutMs, () => exitInfo !== undefined);
  if (outcome !== 'ready') {
    if (pid !== undefined) await terminate(pid, { graceMs: 3_000, group: true });
    await rm(layout.launcherPidFile, { force: true });
    const tail = await tailFile(layout.logFile);
    const why = outcome === 'timeout' ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : exitInfo ?? 'exited';
    throw new BerthError(
      outcome === 'timeout' ? ErrorCode.TIMEOUT : ErrorCode.ENGINE_UNREACHABLE,
      `Berth's engine (dockerd) ${why}; see ${layout.logFile}. Last log lines:\n${tail}`,
      { logFile: layout.logFile, log: tail, command: [plan.command, ...plan.args] },
    );
  }
  if (opts.detached) child.unref();

  let stopping: Promise<void> | undefined;
  return {
    candidate: embeddedCandidateOf(layout.socketPath, plan.rootless),
    socketPath: layout.socketPath,
    logFile: layout.logFile,
    pid,
    stop: () =>
      (stopping ??= (async () => {
        if (pid === undefined || exitInfo !== undefined) return cleanupPidFiles(layout);
        const dockerdPid = await readPidFile(layout.pidFile);
        await terminate(pid, { group: true });
        if (dockerdPid !== undefined && dockerdPid !== pid) await waitForExit(dockerdPid, 5_000);
        await cleanupPidFiles(layout);
      })()),
  };
}

async function prepareDirs(plan: LaunchPlan): Promise<void> {
  const { layout, account, runtimeDir } = plan;
  const dirs = [layout.engineDir, dirname(layout.socketPath), ...(runtimeDir ? [runtimeDir] : [])];
  // Owned by us, or by the account a rootless engine runs as (chowned below on an earlier start).
  const owners = process.getuid ? [process.getuid(), ...(account ? [account.uid] : [])] : undefined;
  for (const dir of dirs) await ensurePrivateDir(dir, owners);
  if (!account) return;
  // Rootless dockerd runs as the account: it must own its data dir, the engine dir and its runtime dir.
  for (const path of [dirname(layout.engineDir), ...dirs]) await chown(path, account.uid, account.gid);
  await writeFile(layout.logFile, '', { flag: 'a' });
  await chown(layout.logFile, account.uid, account.gid);
}

/** Reuses a live Berth dockerd on this data root; removes pidfiles whose process is gone or is someone else. */
async function reuseRunning(plan: LaunchPlan, timeoutMs: number): Promise<EmbeddedEngine | undefined> {
  const { layout } = plan;
  const dockerdPid = await readPidFile(layout.pidFile);
  if (dockerdPid === undefined || !isAlive(dockerdPid) || !(await isBerthEngine(dockerdPid, layout.dataRoot))) {
    await cleanupPidFiles(layout);
    return undefined;
  }
  const outcome = await waitForPing(layout.socketPath, timeoutMs, () => !isAlive(dockerdPid));
  if (outcome !== 'ready') {
    throw new BerthError(
      ErrorCode.ENGINE_UNREACHABLE,
      `Berth's engine is running (pid ${dockerdPid}) but does not answer on ${layout.socketPath}; stop it with 'berth engine stop' and start again.`,
      { logFile: layout.logFile, log: await tailFile(layout.logFile) },
    );
  }
  let stopping: Promise<boolean> | undefined;
  return {
    candidate: embeddedCandidateOf(layout.socketPath, plan.rootless),
    socketPath: layout.socketPath,
    logFile: layout.logFile,
    pid: dockerdPid,
    reused: true,
    stop: async () => {
      await (stopping ??= stopByLayout(layout));
    },
  };
}

/**
 * After a crash dockerd's containerd gets a parent-death SIGKILL but may linger as a zombie until init reaps it;
 * dockerd would take that pid as a live containerd, wait for it and time out. Only a live containerd of this
 * exec root is worth reusing.
 */
export async function clearStaleContainerdPid(layout: EngineLayout): Promise<void> {
  const pidFile = join(layout.execRoot, 'containerd', 'containerd.pid');
  const pid = await readPidFile(pidFile);
  if (pid === undefined) return;
  const args = (await isRunning(pid)) ? await processArgs(pid) : undefined;
  if (!args?.some((a) => a.includes(layout.execRoot))) await rm(pidFile, { force: true });
}

async function cleanupPidFiles(layout: EngineLayout): Promise<void> {
  await rm(layout.launcherPidFile, { force: true });
  await rm(layout.pidFile, { force: true });
}

async function stopByLayout(layout: EngineLayout): Promise<boolean> {
  const dockerdPid = await readPidFile(layout.pidFile);
  const launcherPid = await readPidFile(layout.launcherPidFile);
  const ours = async (pid: number | undefined) =>
    pid !== undefined && isAlive(pid) && (await isBerthEngine(pid, layout.dataRoot)) ? pid : undefined;
  const dockerd = await ours(dockerdPid);
  const launcher = await ours(launcherPid);
  if (dockerd === undefined && launcher === undefined) {
    // Nothing of ours runs; only forget pidfiles whose process is gone, never a live stranger's.
    if (dockerdPid === undefined || !(await isRunning(dockerdPid))) await rm(layout.pidFile, { force: true });
    if (launcherPid === undefined || !(await isRunning(launcherPid))) await rm(layout.launcherPidFile, { force: true });
    return false;
  }
  // The launcher leads the process group (rootlesskit + slirp4netns + dockerd): prefer it, then the dockerd itself.
  if (launcher !== undefined) await terminate(launcher, { group: true });
  if (dockerd !== undefined) await terminate(dockerd);
  await cleanupPidFiles(layout);
  return true;
}

/**
 * Stops the engine Berth started on dataDir (e.g. detached by `berth engine start`). Returns false, touching
 * nothing, when no dockerd of Berth's runs there: a pidfile naming any other process is never acted on.
 */
export async function stopEmbeddedEngine(dataDir: string): Promise<boolean> {
  // Socket location does not matter for stopping; the pidfiles live under the data dir.
  return stopByLayout(engineLayout(resolve(dataDir), {}, process.getuid?.() ?? 0));
}
