import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import type { CollectionPatch, ContainerSummary } from '../../contract';
import { JsonLineDecoder, toDockerEvent } from '../../docker/events';
import { call } from '../testing/backend';
import { useEngineBackend } from '../testing/use-engine-backend';
import { errorOf } from '../testing/transfer';

const run = promisify(execFile);

const env = useEngineBackend();

const create = (name: string, extra: Dockerode.ContainerCreateOptions = {}) =>
  env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '1000'], name, ...extra });
const stateOf = async (id: string) => (await env.engine.docker.getContainer(id).inspect()).State;

describe('containers service against a real engine', () => {
  it('lists what `docker ps -a` lists', async () => {
    const web = await create('web-1', {
      Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '0' }] } },
    });
    await web.start();
    const done = await create('done', { Cmd: ['true'] });
    await done.start();
    await done.wait();
    await create('fresh');

    const list = await call<ContainerSummary[]>(env.t.backend, 'containers.list');
    const { stdout } = await run('docker', [
      '-H',
      env.engine.endpoint,
      'ps',
      '-a',
      '--no-trunc',
      '--format',
      '{{json .}}',
    ]);
    const cli = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(list.map((c) => c.id).sort()).toEqual(cli.map((c) => c.ID).sort());
    for (const row of cli) {
      const mine = list.find((c) => c.id === row.ID);
      expect(mine).toMatchObject({ name: row.Names, image: row.Image, state: row.State });
    }
    const w = list.find((c) => c.name === 'web-1');
    expect(w).toMatchObject({ composeProject: 'shop', composeService: 'web', state: 'running' });
    expect(w?.ports).toEqual([
      { ip: '127.0.0.1', privatePort: 80, publicPort: expect.any(Number) as number, protocol: 'tcp' },
    ]);
    expect(list.find((c) => c.name === 'done')?.status).toMatch(/^Exited \(0\)/);
  });

  it('start/stop/restart/pause/unpause/remove change the real engine', async () => {
    const c = await create('actions');
    await call(env.t.backend, 'containers.start', { id: c.id });
    expect((await stateOf(c.id)).Running).toBe(true);
    await call(env.t.backend, 'containers.start', { id: c.id }); // already started: not an error
    await call(env.t.backend, 'containers.pause', { id: 'actions' });
    expect((await stateOf(c.id)).Paused).toBe(true);
    await call(env.t.backend, 'containers.unpause', { id: c.id });
    expect((await stateOf(c.id)).Paused).toBe(false);
    const before = (await stateOf(c.id)).StartedAt;
    await call(env.t.backend, 'containers.restart', { id: c.id, timeoutSeconds: 0 });
    const after = await stateOf(c.id);
    expect(after.Running).toBe(true);
    expect(after.StartedAt).not.toBe(before);
    await call(env.t.backend, 'containers.stop', { id: c.id, timeoutSeconds: 0 });
    expect((await stateOf(c.id)).Running).toBe(false);
    await call(env.t.backend, 'containers.stop', { id: c.id }); // already stopped: not an error
    await call(env.t.backend, 'containers.remove', { id: c.id });
    await expect(env.engine.docker.getContainer(c.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(env.t.store.entries.map((e) => e.method)).toEqual(
      expect.arrayContaining(['containers.start', 'containers.pause', 'containers.remove']),
    );
  });

  it('maps engine errors to codes with messages a person can act on', async () => {
    const c = await create('busy');
    await c.start();
    const conflict = await errorOf(call(env.t.backend, 'containers.remove', { id: c.id }));
    expect(conflict).toMatchObject({
      code: 'CONFLICT',
      message: `Container ${c.id} is running. Stop it first, or remove it with force.`,
    });
    expect(conflict.details).toMatchObject({
      statusCode: 409,
      engineMessage: expect.stringMatching(/running container/) as string,
    });
    expect(await errorOf(call(env.t.backend, 'containers.pause', { id: 'fresh' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Container fresh is not running. Start it first.',
    });
    const missing = await errorOf(call(env.t.backend, 'containers.start', { id: 'no-such-container' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    expect(missing.message).toMatch(/^Container no-such-container was not found/);
    await call(env.t.backend, 'containers.remove', { id: c.id, force: true });
  });

  it('turns containers changed by others into patches of just those containers, within a second', async () => {
    // A second /events reader, as `docker events` would be, tells when the engine published each event.
    const seen = new Map<string, number>();
    const stream = await env.engine.docker.getEvents({ filters: { type: ['container'] } });
    const decoder = new JsonLineDecoder();
    stream.on('data', (chunk: Buffer) => {
      for (const value of decoder.push(chunk)) {
        const e = toDockerEvent(value);
        if (e) seen.set(`${e.id}:${e.action}`, Date.now());
      }
    });
    try {
      const c = await create('outsider');
      const patchFor = (pred: (p: CollectionPatch<ContainerSummary>) => boolean) =>
        env.t.log.waitFor('containers.changed', (p) => p.kind === 'patch' && pred(p), { timeoutMs: 2_000 });
      const created = await patchFor((p) => p.kind === 'patch' && p.upserts.some((u) => u.id === c.id));
      expect(created.payload.kind === 'patch' && created.payload.removed).not.toContain(c.id);
      await c.start();
      const started = await patchFor(
        (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === c.id && u.state === 'running'),
      );
      await c.remove({ force: true });
      const removed = await patchFor((p) => p.kind === 'patch' && p.removed.includes(c.id));
      const latency = (action: string, at: number) => at - (seen.get(`${c.id}:${action}`) ?? Number.NaN);
      const figures = {
        create: latency('create', created.at),
        start: latency('start', started.at),
        destroy: latency('destroy', removed.at),
      };
      console.log(`event→patch latency (ms): ${JSON.stringify(figures)}`);
      for (const ms of Object.values(figures)) {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(1_000);
      }
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
  });

  it('coalesces a burst into few targeted fetches and never relists per event', async () => {
    const spy = vi.spyOn(Dockerode.prototype, 'listContainers');
    try {
      const from = Date.now();
      const made = await Promise.all(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((n) => create(n)));
      await Promise.all(made.map((c) => c.start()));
      const ids = new Set(made.map((c) => c.id));
      await env.t.log.waitFor(
        'containers.changed',
        () => {
          const running = new Set<string>();
          for (const r of env.t.log.events['containers.changed'].filter((e) => e.at >= from)) {
            if (r.payload.kind === 'patch')
              for (const u of r.payload.upserts) if (u.state === 'running') running.add(u.id);
          }
          return [...ids].every((id) => running.has(id));
        },
        { from },
      );
      const calls = spy.mock.calls.map((args) => args[0]?.filters as Record<string, string[]> | undefined);
      // Other services list containers too (volumes and networks narrowed by their own filters; images with one
      // coalesced list per burst to recount usage); the containers service's fetches are the ones filtered by id.
      const fetches = calls.filter((f) => (f?.id?.length ?? 0) > 0);
      // 12 container events (6 create + 6 start) plus the engine's own extras; each fetch asks only about the
      // containers named by events. How many events share a window depends on timing (a loaded CI machine
      // spreads them out), so the bound is loose; what must never happen is a full relist per event.
      expect(fetches.length).toBeGreaterThan(0);
      expect(fetches.length).toBeLessThanOrEqual(24);
      for (const f of fetches) expect(f?.id?.every((id) => ids.has(id))).toBe(true);
      console.log(`burst of 12 container events → ${fetches.length} fetches`);
    } finally {
      spy.mockRestore();
    }
  });
});
