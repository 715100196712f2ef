import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwarmTask } from '../../contract';
import { JsonLineDecoder } from '../../docker/events';
import { TEST_IMAGE } from '../../../e2e/harness/image';
import { swarmNodeClient } from '../../../e2e/harness/swarm';
import { useTestSwarm } from '../../../e2e/harness/use-test-swarm';
import { call, startBackend, type TestBackend } from '../testing/backend';

const swarm = useTestSwarm();
let t: TestBackend;
const SERVICE = `nodeev${Date.now().toString(36).slice(-5)}`;

beforeAll(async () => {
  // On the cluster's data dir and connected to its manager: Berth knows the nodes' own sockets.
  t = await startBackend(swarm.info.managerEndpoint, { dataDir: swarm.info.dataDir });
  await t.log.status('connected', 0, 30_000);
  await call(t.backend, 'swarmTasks.list', {});
}, 60_000);
afterAll(async () => {
  await swarmNodeClient(swarm.info.managerEndpoint).getService(SERVICE).remove().catch(() => undefined);
  await t?.dispose();
});

/** Opens a node's /events for one container's `die`; `at` resolves with that event's time (ms). */
async function watchDie(endpoint: string, containerId: string): Promise<{ at: Promise<number>; stop: () => void }> {
  const stream = (await swarmNodeClient(endpoint).getEvents({ filters: { type: ['container'], event: ['die'], container: [containerId] } })) as Readable;
  const decoder = new JsonLineDecoder();
  const at = new Promise<number>((resolve) =>
    stream.on('data', (chunk: Buffer) => {
      for (const v of decoder.push(chunk)) resolve(Math.round((v as { timeNano: number }).timeNano / 1e6));
    }),
  );
  return { at, stop: () => stream.destroy() };
}

describe("a node's own container events on Berth's local cluster", () => {
  it("patches a task's state from the worker's event before the manager lists it, then takes the manager's version", async () => {
    const manager = swarmNodeClient(swarm.info.managerEndpoint);
    const worker = swarm.info.nodes.find((n) => n.role === 'worker');
    if (!worker) throw new Error('no worker');
    await manager.createService({
      Name: SERVICE,
      TaskTemplate: {
        ContainerSpec: { Image: TEST_IMAGE, Command: ['sleep', '100000'] },
        Placement: { Constraints: [`node.id == ${worker.nodeId}`] },
        RestartPolicy: { Condition: 'none' },
      },
      Mode: { Replicated: { Replicas: 1 } },
    });
    const running = await t.log.waitFor('swarmTasks.changed', (p) => (p.kind === 'patch' ? p.upserts : p.items).some((x) => x.serviceName === SERVICE && x.state === 'running' && !!x.containerId), { timeoutMs: 60_000 });
    const task = (running.payload.kind === 'patch' ? running.payload.upserts : running.payload.items).find((x) => x.serviceName === SERVICE) as SwarmTask;

    const die = await watchDie(worker.endpoint, task.containerId ?? '');
    const from = Date.now();
    await swarmNodeClient(worker.endpoint).getContainer(task.containerId ?? '').kill();
    const at = await die.at;
    die.stop();
    const first = await t.log.waitFor('swarmTasks.changed', (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === task.id && x.state !== 'running'), { from, timeoutMs: 30_000 });
    const seen = first.payload.kind === 'patch' ? first.payload.upserts.find((x) => x.id === task.id) : undefined;
    // The node's own die: its time is the event's, and the state and error are what the swarm will say.
    expect(seen).toMatchObject({ state: 'failed', stateSince: at, exitCode: 137, error: 'task: non-zero exit (137)' });
    console.log(`[node-events] die on the worker → Berth's patch: ${first.at - at} ms`);
    // Once the manager lists it, its version (its own timestamp) is what Berth shows.
    const fromManager = await until(async () => {
      const [m] = (await manager.listTasks({ filters: { id: [task.id] } })) as { Status: { State: string; Timestamp: string } }[];
      return m?.Status.State === 'failed' ? Date.parse(m.Status.Timestamp) : undefined;
    });
    const listed = await until(async () => (await call<SwarmTask[]>(t.backend, 'swarmTasks.list', {})).find((x) => x.id === task.id && x.stateSince === fromManager));
    expect(listed).toMatchObject({ state: 'failed', exitCode: 137 });
  }, 120_000);
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}
