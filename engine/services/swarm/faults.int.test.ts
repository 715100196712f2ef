import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionPatch, LocalClusterStatus, SwarmNode, SwarmServiceSummary, SwarmTask, TaskInfo } from '../../contract';
import { track, untrack } from '../../../e2e/harness/cleanup';
import { TEST_IMAGE } from '../../../e2e/harness/image';
import { startTestSwarm, stopTestSwarm, type TestSwarmInfo } from '../../../e2e/harness/swarm';
import { processesUnder } from '../../providers/cluster/processes';
import { runTask } from '../compose/testing/projects';
import { call, startBackend, type TestBackend } from '../testing/backend';

/**
 * Faults on a real swarm of Berth's own: a worker that dies mid-deploy and a manager that restarts. Destructive,
 * so on a private 3-node cluster (not the shared one), killed and started through the cluster domain's own
 * process handling, as a crash and a reboot of that node would.
 */
let swarm: TestSwarmInfo;
let t: TestBackend;
const STACK = 'faults';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

beforeAll(async () => {
  swarm = await startTestSwarm({ nodes: 3 });
  track(swarm.dataDir, undefined);
  console.log(`[faults] private 3-node swarm created in ${seconds(swarm.startMs)}`);
  // On the cluster's data dir, so this backend also watches the node processes (cluster.status).
  t = await startBackend(swarm.managerEndpoint, { dataDir: swarm.dataDir });
  await t.log.status('connected', 0, 30_000);
  // Open the live lists a Swarm page follows.
  await Promise.all(['nodes.list', 'services.list', 'stacks.list'].map((m) => call(t.backend, m, {})));
  await call(t.backend, 'swarmTasks.list', {});
}, 300_000);
afterAll(async () => {
  await t?.dispose();
  if (!swarm) return;
  untrack(swarm.dataDir);
  await stopTestSwarm(swarm.dataDir);
}, 120_000);

/** SIGKILL of every process of a node (dockerd, containerd, shims): a crashed machine. */
async function crash(name: string): Promise<number> {
  const pids = await processesUnder(join(swarm.dataDir, 'cluster', name.replace('berth-', '')));
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return Date.now();
}
const patched = <T extends { id: string }>(p: CollectionPatch<T>): T[] => (p.kind === 'patch' ? p.upserts : p.items);
const nodeIn = (hostname: string) => (p: CollectionPatch<SwarmNode>) => patched(p).find((n) => n.hostname === hostname);
const converged = (services: SwarmServiceSummary[]) =>
  services.length === 2 && services.every((s) => s.desired > 0 && s.running === s.desired);

const stackFile = `services:
  web:
    image: ${TEST_IMAGE}
    command: ["sleep", "100000"]
    deploy: {replicas: 6}
  agent:
    image: ${TEST_IMAGE}
    command: ["sleep", "100000"]
    deploy: {mode: global}
`;

describe('faults on a private real 3-node swarm', () => {
  it('a worker dies mid-deploy: Berth marks it down, the deploy ends clearly, the stack converges when it returns', async () => {
    const victim = swarm.nodes[2];
    if (!victim) throw new Error('no third node');
    const deployed = runTask(t.backend, t.log, 'stacks.deploy', { name: STACK, source: { content: stackFile } });
    // Once the deploy is under way (the first service is being created).
    await t.log.waitFor('tasks.changed', (p) => patched(p).some((x) => x.kind === 'stacks.deploy' && (x.steps ?? []).some((s) => s.state === 'done')), { timeoutMs: 30_000 });
    const killedAt = await crash(victim.name);

    // The node's process is gone: the cluster status says so within about a second, the swarm a few seconds later.
    const stopped = await t.log.waitFor('cluster.status', (s: LocalClusterStatus) => s.nodes.some((n) => n.name === victim.name && n.state === 'stopped'), { from: killedAt, timeoutMs: 5_000 });
    const down = await t.log.waitFor('nodes.changed', (p) => nodeIn(victim.hostname)(p)?.state === 'down', { from: killedAt, timeoutMs: 60_000 });
    console.log(`[faults] worker killed mid-deploy: cluster.status said stopped after ${stopped.at - killedAt} ms, nodes.changed said down after ${down.at - killedAt} ms`);

    const task: TaskInfo = await deployed;
    // The deploy creates the services; it never waits for a node, so it ends with every object done.
    expect(task.state).toBe('succeeded');
    expect(task.steps?.every((s) => s.state === 'done')).toBe(true);

    // The swarm re-places web's replicas on the two nodes left.
    await t.log.waitFor('swarmTasks.changed', () => true, { from: killedAt, timeoutMs: 10_000 });
    const web = await until('web 6/6 on the two live nodes', async () => {
      const tasks = await call<SwarmTask[]>(t.backend, 'swarmTasks.list', {});
      const running = tasks.filter((x) => x.serviceName === `${STACK}_web` && x.state === 'running' && x.desiredState === 'running');
      return running.length === 6 && running.every((x) => x.nodeId !== victim.nodeId) ? running : undefined;
    });
    expect(new Set(web.map((x) => x.nodeId)).size).toBe(2);

    // The node returns (the cluster domain starts it like after a reboot) and the stack converges on it.
    const startedAt = Date.now();
    const start = await runTask(t.backend, t.log, 'cluster.start', {}, 120_000);
    expect(start.state).toBe('succeeded');
    const ready = await t.log.waitFor('nodes.changed', (p) => nodeIn(victim.hostname)(p)?.state === 'ready', { from: startedAt, timeoutMs: 60_000 });
    const agentBack = await t.log.waitFor(
      'swarmTasks.changed',
      (p) => patched(p).some((x) => x.serviceName === `${STACK}_agent` && x.nodeId === victim.nodeId && x.state === 'running'),
      { from: startedAt, timeoutMs: 60_000 },
    );
    await until('the stack to converge', async () => (converged((await call<SwarmServiceSummary[]>(t.backend, 'services.list', {})).filter((s) => s.stack === STACK)) ? true : undefined));
    console.log(`[faults] node back: ready after ${ready.at - startedAt} ms, its global task running after ${agentBack.at - startedAt} ms`);
  }, 240_000);

  it('the manager restarts: the engine is reported gone, and the live lists recover without a reload', async () => {
    const manager = swarm.nodes[0];
    if (!manager) throw new Error('no manager');
    const killedAt = await crash(manager.name);
    const gone = await t.log.status('unreachable', killedAt, 10_000);
    console.log(`[faults] manager killed: engine.status unreachable after ${gone.at - killedAt} ms`);
    expect(gone.payload.error?.message).toBeTruthy();

    const startedAt = Date.now();
    const start = await runTask(t.backend, t.log, 'cluster.start', {}, 120_000);
    expect(start.state).toBe('succeeded');
    const back = await t.log.status('connected', startedAt, 60_000);
    // After the reconnect each live list is pushed whole (a reset), so a page shows the swarm again by itself.
    const nodes = await t.log.waitFor('nodes.changed', (p) => p.kind === 'reset' && p.items.length === 3, { from: back.at - 1, timeoutMs: 60_000 });
    const services = await t.log.waitFor('services.changed', (p) => p.kind === 'reset' && p.items.filter((s) => s.stack === STACK).length === 2, { from: back.at - 1, timeoutMs: 60_000 });
    console.log(`[faults] manager back: connected ${back.at - startedAt} ms after cluster.start began, nodes reset +${nodes.at - back.at} ms, services reset +${services.at - back.at} ms`);
    await until('every node ready and the stack converged', async () => {
      const [n, s] = await Promise.all([call<SwarmNode[]>(t.backend, 'nodes.list', {}), call<SwarmServiceSummary[]>(t.backend, 'services.list', {})]);
      return n.every((x) => x.state === 'ready') && converged(s.filter((x) => x.stack === STACK)) ? true : undefined;
    }, 90_000);
  }, 240_000);
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
