import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import type { EngineStatus, LocalClusterStatus, TaskInfo, TaskRef } from '../../contract';
import { processesUnder } from '../../providers/cluster/processes';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { taskEnd } from '../testing/transfer';
import type { ClusterState } from './state';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let engine: TestEngine;
let dataDir: string;
let a: TestBackend;
let b: TestBackend | undefined;

const status = (t: TestBackend = a) => call<LocalClusterStatus>(t.backend, 'cluster.status');
const runTask = async (t: TestBackend, method: string, params: unknown = {}): Promise<TaskInfo> => {
  const { taskId } = await call<TaskRef>(t.backend, method, params);
  return taskEnd(t.log, taskId, 150_000);
};
const stateFile = async () =>
  JSON.parse(await readFile(join(dataDir, 'cluster', 'cluster.json'), 'utf8')) as ClusterState;
const nodeClient = (endpoint: string) => new Dockerode({ socketPath: endpoint.replace(/^unix:\/\//, '') });

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(300);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Running tasks of a service per swarm node id. */
async function runningByNode(manager: Dockerode, service: string): Promise<Map<string, number>> {
  const tasks = (await manager.listTasks({
    filters: { service: [service], 'desired-state': ['running'] },
  })) as {
    NodeID?: string;
    Status?: { State?: string };
  }[];
  const by = new Map<string, number>();
  for (const t of tasks)
    if (t.Status?.State === 'running' && t.NodeID) by.set(t.NodeID, (by.get(t.NodeID) ?? 0) + 1);
  return by;
}

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  dataDir = await mkdtemp(join(tmpdir(), 'berth-cl-'));
  a = await startBackend(engine.endpoint, { dataDir });
  await a.log.status('connected');
});

afterAll(async () => {
  // Whatever a failed test left: the product's destroy, then the harness engine.
  if (existsSync(join(dataDir, 'cluster', 'cluster.json')))
    await runTask(a, 'cluster.destroy').catch(() => undefined);
  await b?.dispose();
  await a.dispose();
  await engine.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('local cluster (netns) against real dockerds', () => {
  it('says netns is usable here as root and that no cluster exists yet', async () => {
    const s = await status();
    expect(s.exists).toBe(false);
    expect(s.mechanisms.find((m) => m.mechanism === 'netns')).toMatchObject({ usable: true });
  });

  it('creates 3 nodes with distinct hostnames joined into one swarm, a step per node', async () => {
    const started = Date.now();
    const task = await runTask(a, 'cluster.create', { nodes: 3, mechanism: 'netns' });
    console.log(`cluster.create (3 nodes) took ${Date.now() - started} ms`);
    expect(task.error).toBeUndefined();
    expect(task.state).toBe('succeeded');
    expect(task.steps?.map((s) => [s.id, s.state])).toEqual([
      ['network', 'done'],
      ['berth-node1', 'done'],
      ['berth-node2', 'done'],
      ['berth-node3', 'done'],
      ['swarm', 'done'],
    ]);
    const s = await status();
    expect(s).toMatchObject({ exists: true, mechanism: 'netns', connected: false });
    expect(s.nodes.map((n) => [n.name, n.role, n.state])).toEqual([
      ['berth-node1', 'manager', 'running'],
      ['berth-node2', 'worker', 'running'],
      ['berth-node3', 'worker', 'running'],
    ]);
    const hostnames = await Promise.all(
      s.nodes.map(async (n) => ((await nodeClient(n.endpoint).info()) as { Name: string }).Name),
    );
    expect(hostnames).toEqual(['berth-node1', 'berth-node2', 'berth-node3']);
    const swarmNodes = (await nodeClient(s.managerEndpoint ?? '').listNodes()) as {
      Description: { Hostname: string };
      Status: { State: string };
    }[];
    expect(swarmNodes.map((n) => n.Description.Hostname).sort()).toEqual(hostnames);
    expect(swarmNodes.every((n) => n.Status.State === 'ready')).toBe(true);
  });

  it('refuses a second create while one exists, saying why', async () => {
    const r = await a.backend.dispatch(
      'cluster.create',
      { nodes: 2 },
      { role: 'admin', user: 'test', via: 'cli' },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already exists \(3 nodes, netns.*destroy it first/) as unknown,
      });
  });

  it('loads the test image from the current engine onto every node', async () => {
    const task = await runTask(a, 'cluster.loadImage', { image: TEST_IMAGE });
    expect(task.state).toBe('succeeded');
    for (const n of (await status()).nodes) {
      await expect(nodeClient(n.endpoint).getImage(TEST_IMAGE).inspect()).resolves.toBeTruthy();
    }
    const missing = await a.backend.dispatch(
      'cluster.loadImage',
      { image: 'nothere:1' },
      { role: 'admin', user: 'test', via: 'cli' },
    );
    expect(missing.ok ? undefined : missing.error.code).toBe('NOT_FOUND');
  });

  it('spreads a 6-replica service over the 3 nodes, and draining a node moves its tasks', async () => {
    const s = await status();
    const manager = nodeClient(s.managerEndpoint ?? '');
    await manager.createService({
      Name: 'spread',
      TaskTemplate: { ContainerSpec: { Image: TEST_IMAGE, Command: ['sleep', '3600'] } },
      Mode: { Replicated: { Replicas: 6 } },
    });
    const spread = await until('6 running tasks', async () => {
      const by = await runningByNode(manager, 'spread');
      return [...by.values()].reduce((x, y) => x + y, 0) === 6 ? by : undefined;
    });
    expect(spread.size).toBe(3);
    const node3 = s.nodes[2]?.nodeId ?? '';
    const inspect = (await manager.getNode(node3).inspect()) as {
      Version: { Index: number };
      Spec: Record<string, unknown>;
    };
    await manager
      .getNode(node3)
      .update({ version: inspect.Version.Index, ...inspect.Spec, Availability: 'drain' });
    const after = await until('tasks moved off the drained node', async () => {
      const by = await runningByNode(manager, 'spread');
      return !by.has(node3) && [...by.values()].reduce((x, y) => x + y, 0) === 6 ? by : undefined;
    });
    expect([...after.keys()].sort()).toEqual([s.nodes[0]?.nodeId, s.nodes[1]?.nodeId].sort());
  });

  it('is recognised by a new backend on the same data dir (a Berth restart)', async () => {
    const before = await status();
    b = await startBackend(engine.endpoint, { dataDir });
    const again = await status(b);
    expect(again.nodes.map((n) => [n.name, n.state, n.nodeId, n.pid])).toEqual(
      before.nodes.map((n) => [n.name, 'running', n.nodeId, n.pid]),
    );
  });

  it('starts the nodes again with their data after their processes were killed (a reboot)', async () => {
    const before = await status();
    for (const n of before.nodes) {
      const dir = join(dataDir, 'cluster', n.name.replace('berth-', ''));
      for (const pid of await processesUnder(dir)) process.kill(pid, 'SIGKILL');
    }
    const killedAt = Date.now();
    // Nothing Berth did changed the cluster, yet the status panel hears it: the backend pushes cluster.status.
    const pushed = await a.log.waitFor(
      'cluster.status',
      (s) => s.nodes.length === 3 && s.nodes.every((n) => n.state === 'stopped'),
      {
        from: killedAt,
        timeoutMs: 5_000,
      },
    );
    console.log(`cluster.status pushed ${pushed.at - killedAt} ms after the nodes were killed`);
    const down = await status();
    expect(down.nodes.map((n) => n.state)).toEqual(['stopped', 'stopped', 'stopped']);
    const startedAt = Date.now();
    const task = await runTask(a, 'cluster.start');
    console.log(`cluster.start (3 nodes after a kill) took ${Date.now() - startedAt} ms`);
    expect(task.error).toBeUndefined();
    const up = await status();
    expect(up.nodes.map((n) => [n.state, n.hostname, n.nodeId])).toEqual(
      before.nodes.map((n) => ['running', n.hostname, n.nodeId]),
    );
    const manager = nodeClient(up.managerEndpoint ?? '');
    await until('3 nodes ready again', async () => {
      const nodes = (await manager.listNodes()) as { Status: { State: string } }[];
      return nodes.length === 3 && nodes.every((n) => n.Status.State === 'ready') ? true : undefined;
    });
    await expect(manager.getService('spread').inspect()).resolves.toBeTruthy();
  });

  it('connects Berth to the manager and back', async () => {
    const s = await call<LocalClusterStatus>(a.backend, 'cluster.connect', { to: 'manager' });
    expect(s.connected).toBe(true);
    expect((await call<EngineStatus>(a.backend, 'engine.status')).engine?.endpoint).toBe(s.managerEndpoint);
    const back = await call<LocalClusterStatus>(a.backend, 'cluster.connect', { to: 'previous' });
    expect(back.connected).toBe(false);
    await a.log.status('connected');
    expect((await call<EngineStatus>(a.backend, 'engine.status')).engine?.endpoint).toBe(engine.endpoint);
  });

  it('destroy leaves no process, namespace, link, bridge, iptables rule or folder behind', async () => {
    await call(a.backend, 'cluster.connect', { to: 'manager' });
    const state = await stateFile();
    const startedAt = Date.now();
    const task = await runTask(a, 'cluster.destroy');
    console.log(`cluster.destroy (3 nodes) took ${Date.now() - startedAt} ms`);
    expect(task.error).toBeUndefined();
    expect((await call<EngineStatus>(a.backend, 'engine.status')).engine?.endpoint).toBe(engine.endpoint);
    expect(await processesUnder(join(dataDir, 'cluster'))).toEqual([]);
    const netns = (await run('ip', ['netns', 'list'])).stdout;
    const links = (await run('ip', ['-o', 'link', 'show'])).stdout;
    const rules = (await run('iptables', ['-S'])).stdout;
    for (const n of state.nodes) {
      expect(netns).not.toContain(n.netns ?? '?');
      expect(links).not.toContain(`${n.veth ?? '?'}:`);
    }
    expect(links).not.toContain(`${state.bridge?.name ?? '?'}:`);
    expect(rules).not.toContain(state.bridge?.name ?? '?');
    expect(existsSync(join(dataDir, 'cluster'))).toBe(false);
    expect((await status()).exists).toBe(false);
  });
});
