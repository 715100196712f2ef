import { describe, expect, it } from 'vitest';
import type { LogChunk, LogLine, SwarmNode, SwarmServiceDetails, SwarmServiceSummary, SwarmTask } from '../../contract';
import type { StreamContext } from '../../base/handlers';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import { admin } from '../testing/backend';
import { useSwarmBackend } from './testing/swarm-backend';

const env = useSwarmBackend();

const form = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: TEST_IMAGE,
  replicas: 2,
  command: ['sh', '-c', 'i=0; while true; do echo tick$i; i=$((i+1)); sleep 1; done'],
  env: ['A=1'],
  labels: { team: 'x' },
  restartPolicy: { condition: 'any' },
  updateConfig: { parallelism: 1, delaySeconds: 0, failureAction: 'pause', order: 'stop-first' },
  ...extra,
});

/** The live task list as the renderer would hold it: the last reset plus every patch after it. */
function liveTasks(): Map<string, SwarmTask> {
  const shown = new Map<string, SwarmTask>();
  for (const { payload: p } of env.t.log.events['swarmTasks.changed']) {
    if (p.kind === 'reset') {
      shown.clear();
      for (const t of p.items) shown.set(t.id, t);
    } else {
      for (const t of p.upserts) shown.set(t.id, t);
      for (const id of p.removed) shown.delete(id);
    }
  }
  return shown;
}
const running = (serviceId: string) => [...liveTasks().values()].filter((t) => t.serviceId === serviceId && t.state === 'running');

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('swarm services on a real single-node swarm', () => {
  let id = '';

  it('creates a service whose tasks reach running through the live feed, and the counts follow', async () => {
    await env.call('swarmTasks.list', {}); // start from a known list
    const s = await env.call<SwarmServiceSummary>('services.create', { spec: form('web') });
    id = s.id;
    expect(s).toMatchObject({ name: 'web', mode: 'replicated', replicas: 2, image: TEST_IMAGE.replace(/:latest$/, ':latest') });
    await until('2 running tasks in the patches', () => running(id).length === 2);
    // Latency: the engine's time of the state change (Status.Timestamp) to the patch that carried it.
    const lat = env.t.log.events['swarmTasks.changed'].flatMap((r) =>
      r.payload.kind === 'patch' ? r.payload.upserts.filter((t) => t.serviceId === id && t.state === 'running' && t.stateSince).map((t) => r.at - (t.stateSince ?? 0)) : [],
    );
    console.info(`[swarm] task running → patch latency (ms): ${lat.join(', ')}`);
    expect(lat.length).toBeGreaterThan(0);
    expect(Math.max(...lat)).toBeLessThan(2500);
    await env.t.log.waitFor('services.changed', (p) => p.kind !== 'reset' && p.upserts.some((x) => x.id === id && x.running === 2 && x.desired === 2));
  });

  it('returns the form back from inspect (round trip) and refuses a taken name', async () => {
    const d = await env.call<SwarmServiceDetails>('services.inspect', { id });
    expect(d.spec).toMatchObject({ name: 'web', replicas: 2, env: ['A=1'], labels: { team: 'x' }, command: form('web').command });
    expect(d.previousSpec).toBeUndefined();
    const taken = await env.fail('services.create', { spec: form('web') });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const rb = await env.fail('services.rollback', { id });
    expect(rb.message).toMatch(/no previous version/);
  });

  it('scales, updates (keeping unknown fields), rolls back and restarts, with real task changes', async () => {
    await env.call('services.scale', { id, replicas: 3 });
    await until('3 running', () => running(id).length === 3);
    const before = await env.call<SwarmServiceDetails>('services.inspect', { id });
    const stale = await env.fail('services.update', { id, version: before.version - 1, spec: { ...before.spec as object, env: ['A=2'] } });
    expect(stale.code).toBe('CONFLICT');
    await env.call('services.update', { id, version: before.version, spec: { ...before.spec as object, env: ['A=2'] } });
    const updated = await env.call<SwarmServiceDetails>('services.inspect', { id });
    expect(updated.spec).toMatchObject({ env: ['A=2'], replicas: 3 });
    expect(updated.previousSpec).toMatchObject({ env: ['A=1'] });
    await until('tasks replaced by the update', () => running(id).length === 3 && new Set(running(id).map((t) => t.id)).size === 3 && [...liveTasks().values()].some((t) => t.serviceId === id && t.desiredState === 'shutdown'));
    await env.call('services.rollback', { id });
    await env.t.log.waitFor('services.changed', (p) => p.kind !== 'reset' && p.upserts.some((x) => x.id === id && x.update?.state === 'rollback_completed'), { timeoutMs: 60_000 });
    await until('3 running after the rollback', () => running(id).length === 3);
    expect((await env.call<SwarmServiceDetails>('services.inspect', { id })).spec).toMatchObject({ env: ['A=1'] });
    const ids = new Set(running(id).map((t) => t.id));
    await env.call('services.restart', { id });
    await until('restart replaced every task', () => running(id).length === 3 && running(id).every((t) => !ids.has(t.id)), 60_000);
  });

  it('streams the merged logs with task and node of each line', async () => {
    const lines: LogLine[] = [];
    const controller = new AbortController();
    const ctx: StreamContext<'services.logs'> = {
      params: { id: 'web', tail: 20, follow: true, timestamps: true },
      caller: admin,
      signal: controller.signal,
      send: (chunk: LogChunk) => {
        lines.push(...chunk.lines);
        if (lines.length >= 5) controller.abort();
        return true;
      },
      drained: () => Promise.resolve(),
      onInput: () => undefined,
    };
    const timer = setTimeout(() => controller.abort(), 20_000);
    await env.t.backend.streams['services.logs'](ctx);
    clearTimeout(timer);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const tasks = new Set([...liveTasks().values()].map((t) => t.id));
    for (const l of lines) {
      expect(l.text).toMatch(/^tick\d+$/);
      expect(tasks.has(l.task ?? '')).toBe(true);
      expect(l.node).toMatch(/^[a-z0-9]{25}$/);
      expect(l.ts).toMatch(/^\d{4}-/);
    }
  });

  it('drains the node: its tasks leave it and go pending (a single node has nowhere else)', async () => {
    const [node] = await env.call<SwarmNode[]>('nodes.list');
    await env.call('nodes.update', { id: node!.id, availability: 'drain' });
    await until('tasks pending', () => running(id).length === 0 && [...liveTasks().values()].filter((t) => t.serviceId === id && t.desiredState === 'running' && t.state === 'pending').length === 3, 60_000);
    await env.t.log.waitFor('services.changed', (p) => p.kind !== 'reset' && p.upserts.some((x) => x.id === id && x.running === 0));
    await env.call('nodes.update', { id: node!.id, availability: 'active' });
    await until('running again', () => running(id).length === 3, 60_000);
  });

  it('removes the service and the feed drops it', async () => {
    const from = Date.now();
    await env.call('services.remove', { id });
    await env.t.log.waitFor('services.changed', (p) => p.kind === 'patch' && p.removed.includes(id), { from });
    await until('tasks gone', () => ![...liveTasks().values()].some((t) => t.serviceId === id), 60_000);
  });
});
