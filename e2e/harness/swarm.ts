import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { LocalClusterStatus, TaskInfo, TaskRef } from '../../engine/contract';
import type { Backend } from '../../engine/host/backend';
import { createBackend } from '../../engine/host/create-backend';
import { admin, emptyMachine, memoryStore } from '../../engine/services/testing/backend';
import { reapOrphans, TEST_DIR_PREFIX } from './cleanup';
import { ensureTestImage } from './image';

/** A real multi-node swarm made by Berth's own local-cluster domain (netns nodes), as plain data tests can share. */
export interface TestSwarmInfo {
  /** The Berth data dir the cluster lives in (`<dir>/cluster/...`). */
  dataDir: string;
  /** unix:///... of node1, the manager. */
  managerEndpoint: string;
  nodes: { name: string; hostname: string; role: 'manager' | 'worker'; address: string; endpoint: string; nodeId: string }[];
  /** How long creating it took (ms), for CI budgeting. */
  startMs: number;
}

/** A dockerode client for a node's unix:// endpoint. */
export function swarmNodeClient(endpoint: string): Dockerode {
  return new Dockerode({ socketPath: endpoint.replace(/^unix:\/\//, '') });
}

/** A backend on the swarm's data dir that never connects to an engine: it only drives the cluster domain. */
async function clusterBackend(dataDir: string): Promise<Backend> {
  return createBackend({ dataDir, store: memoryStore(), connect: false, liveCollections: false, discoveryEnv: emptyMachine(dataDir) });
}

async function runTask(backend: Backend, method: string, params: unknown = {}): Promise<TaskInfo> {
  const r = await backend.dispatch(method, params, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  const { taskId } = r.value as TaskRef;
  const list = async () => {
    const l = await backend.dispatch('tasks.list', {}, admin);
    return l.ok ? (l.value as TaskInfo[]).find((t) => t.id === taskId) : undefined;
  };
  for (;;) {
    const task = await list();
    if (!task) throw new Error(`${method}: task ${taskId} disappeared`);
    if (task.state !== 'running') return task;
    await new Promise((res) => setTimeout(res, 200));
  }
}

/**
 * Creates a `nodes`-node swarm in `dataDir` (a fresh /tmp/berth-te-* dir when omitted) through cluster.create,
 * then imports the test image on every node. The nodes run detached: stop them with stopTestSwarm.
 */
export async function startTestSwarm(options: { nodes?: number; dataDir?: string } = {}): Promise<TestSwarmInfo> {
  reapOrphans();
  const started = Date.now();
  const dataDir = options.dataDir ?? (await mkdtemp(join('/tmp', TEST_DIR_PREFIX)));
  const backend = await clusterBackend(dataDir);
  try {
    const task = await runTask(backend, 'cluster.create', { nodes: options.nodes ?? 3, mechanism: 'netns' });
    if (task.state !== 'succeeded') throw new Error(`The test swarm could not be created: ${task.error?.message ?? task.state}`);
    const r = await backend.dispatch('cluster.status', {}, admin);
    if (!r.ok) throw new Error(r.error.message);
    const status = r.value as LocalClusterStatus;
    await Promise.all(status.nodes.map((n) => ensureTestImage(swarmNodeClient(n.endpoint))));
    return {
      dataDir,
      managerEndpoint: status.managerEndpoint ?? '',
      nodes: status.nodes.map((n) => ({ name: n.name, hostname: n.hostname, role: n.role, address: n.address, endpoint: n.endpoint, nodeId: n.nodeId ?? '' })),
      startMs: Date.now() - started,
    };
  } catch (err) {
    await runTask(backend, 'cluster.destroy').catch(() => undefined);
    throw err;
  } finally {
    await backend.dispose();
  }
}

/** Destroys the swarm in dataDir through cluster.destroy (processes, namespaces, links, rules, folders), then the dir. */
export async function stopTestSwarm(dataDir: string): Promise<void> {
  const backend = await clusterBackend(dataDir);
  try {
    const r = await backend.dispatch('cluster.status', {}, admin);
    if (r.ok && (r.value as LocalClusterStatus).exists) {
      const task = await runTask(backend, 'cluster.destroy');
      if (task.state !== 'succeeded') console.error(`[harness] destroying the test swarm: ${task.error?.message ?? task.state}`);
    }
  } finally {
    await backend.dispose();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
