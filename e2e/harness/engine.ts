import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import type { EngineCandidate } from '../../engine/contract';
import { startEmbeddedEngine } from '../../engine/providers/embedded';
import { engineLayout } from '../../engine/providers/embedded-layout';
import { isRunning, readPidFile, waitForExit } from '../../engine/providers/engine-process';
import type { EmbeddedEngine, EmbeddedEngineOptions } from '../../engine/providers/types';
import { createTestBridge, deleteTestBridge, type TestBridge } from './bridge';
import {
  TEST_DIR_PREFIX,
  killSync,
  mountsUnder,
  pidsReferencing,
  reapOrphans,
  track,
  untrack,
} from './cleanup';
import { ensureRootlessUser } from './rootless-user';

export { ensureTestImage, TEST_IMAGE } from './image';
export { ensureRootlessUser } from './rootless-user';

const run = promisify(execFile);

export interface TestEngine {
  socketPath: string;
  /** unix:///... */
  endpoint: string;
  dataDir: string;
  docker: Dockerode;
  candidate: EngineCandidate;
  /** SIGKILL the dockerd: simulates the engine dying. */
  kill(): Promise<void>;
  /** Start again on the same data root and socket after kill(). */
  restart(): Promise<void>;
  /** Remove all containers, stop dockerd, delete the bridge, unmount leftovers, delete the data dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * A real dockerd started through Berth's own embedded-engine provider (so the harness exercises it), on a fresh
 * data dir under /tmp and, when rootful, its own bridge. Dies with the test process.
 */
export async function startTestEngine(
  options: { rootless?: boolean; extraArgs?: string[] } = {},
): Promise<TestEngine> {
  reapOrphans();
  const dataDir = await mkdtemp(join('/tmp', TEST_DIR_PREFIX));
  let bridge: TestBridge | undefined;
  try {
    const engineOpts: EmbeddedEngineOptions = { dataDir, ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}) };
    if (options.rootless) {
      engineOpts.mode = 'rootless';
      if (process.getuid?.() === 0) engineOpts.runAsUser = (await ensureRootlessUser()).user;
    } else {
      bridge = await createTestBridge();
      engineOpts.mode = 'rootful';
      engineOpts.bridge = bridge;
    }
    track(dataDir, bridge?.name);
    return wrap(engineOpts, await startWithRetry(engineOpts), bridge);
  } catch (err) {
    await destroy(dataDir, bridge);
    throw err;
  }
}

/**
 * dockerd rewrites the host's FORWARD chain jumps while it starts; when another dockerd on the machine does the
 * same at that moment, one of them fails with an iptables "Bad rule"/"No chain" error. That race belongs to
 * running several engines on one host (tests only), so the harness tries once more.
 */
async function startWithRetry(opts: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  try {
    return await startEmbeddedEngine(opts);
  } catch (err) {
    if (!(err instanceof Error) || !/iptables/i.test(err.message)) throw err;
    await new Promise((r) => setTimeout(r, 500));
    return startEmbeddedEngine(opts);
  }
}

function wrap(
  opts: EmbeddedEngineOptions,
  first: EmbeddedEngine,
  bridge: TestBridge | undefined,
): TestEngine {
  let engine = first;
  let stopping: Promise<void> | undefined;
  const layout = engineLayout(opts.dataDir, {}, 0);
  const docker = new Dockerode({ socketPath: engine.socketPath });
  return {
    socketPath: engine.socketPath,
    endpoint: engine.candidate.endpoint,
    dataDir: opts.dataDir,
    docker,
    candidate: engine.candidate,
    async kill() {
      // The dockerd itself (not the rootlesskit around it): its pidfile names it in both modes.
      const pid = (await readPidFile(layout.pidFile)) ?? engine.pid;
      if (pid === undefined) return;
      killSync([pid]);
      await waitForExit(pid, 10_000);
      if (engine.pid !== undefined && engine.pid !== pid) await waitForExit(engine.pid, 10_000);
    },
    async restart() {
      const pid = await readPidFile(layout.pidFile);
      if (pid !== undefined && (await isRunning(pid)))
        throw new Error('restart() is for after kill(): the engine is still running');
      engine = await startEmbeddedEngine(opts);
    },
    stop() {
      return (stopping ??= (async () => {
        await removeEverything(docker).catch(() => undefined);
        await engine.stop().catch(() => undefined);
        await destroy(opts.dataDir, bridge);
      })());
    },
  };
}

/** Leaves nothing behind that would outlive the engine: containers (and their shims), networks and swarm membership. */
async function removeEverything(docker: Dockerode): Promise<void> {
  const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string } };
  if (info.Swarm?.LocalNodeState && info.Swarm.LocalNodeState !== 'inactive') {
    await docker.swarmLeave({ force: true }).catch(() => undefined);
  }
  const containers = await docker.listContainers({ all: true });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  // A user-defined network's br-* interface and its address pool outlive dockerd on the host; without this,
  // repeated runs use up the engine's default pools ("could not find an available, non-overlapping IPv4
  // address pool").
  await docker.pruneNetworks().catch(() => undefined);
}

async function destroy(dataDir: string, bridge: TestBridge | undefined): Promise<void> {
  untrack(dataDir);
  // Anything still referring to this data dir (a shim, a containerd after a kill()) is ours and must go.
  const leftovers = pidsReferencing(dataDir);
  killSync(leftovers);
  for (const pid of leftovers) await waitForExit(pid, 5_000);
  for (const mp of mountsUnder(dataDir)) await run('umount', ['-l', mp]).catch(() => undefined);
  if (bridge) await deleteTestBridge(bridge.name);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
}
