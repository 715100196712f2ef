import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import { engineLayout } from '../../providers/embedded-layout';
import { readPidFile } from '../../providers/engine-process';
import type { ContainerSummary, EngineCandidate, EngineStatus } from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';

let engine: TestEngine;
let t: TestBackend;

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
});
afterAll(async () => {
  await t?.dispose();
  await engine?.stop();
});

const ids = (items: ContainerSummary[]) => items.map((c) => c.id).sort();
const engineIds = async (e: TestEngine) =>
  (await e.docker.listContainers({ all: true })).map((c) => c.Id).sort();

describe('engine connection against a real dockerd', () => {
  it('connects to the engine named by --engine, reports its version and sends the first list', async () => {
    const connected = await t.log.status('connected');
    expect(connected.payload).toMatchObject({
      engine: { endpoint: engine.endpoint, source: 'flag', embedded: false },
      version: { product: 'docker', apiVersion: expect.stringMatching(/^1\.\d+$/) as string },
    });
    // The flag engine answered, so the embedded one (next in order) was never started.
    expect(t.log.events['engine.status'].some((r) => r.payload.state === 'starting')).toBe(false);
    const reset = await t.log.waitFor('containers.changed', (p) => p.kind === 'reset');
    expect(reset.payload.kind === 'reset' && ids(reset.payload.items)).toEqual(await engineIds(engine));
    expect(await call<EngineStatus>(t.backend, 'engine.status')).toMatchObject({ state: 'connected' });
    const candidates = await call<EngineCandidate[]>(t.backend, 'engine.candidates');
    expect(candidates[0]).toMatchObject({ endpoint: engine.endpoint, source: 'flag' });
    expect(candidates.some((c) => c.embedded)).toBe(true);
  });

  it('reports a killed engine within a second, then reconnects by itself and relists', async () => {
    const keep = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '1000'],
      name: 'keeper',
    });
    await keep.start();
    await t.log.waitFor(
      'containers.changed',
      (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === keep.id),
    );

    const killedAt = Date.now();
    await engine.kill();
    const down = await t.log.status('unreachable', killedAt, 5_000);
    const detectMs = down.at - killedAt;
    expect(down.payload).toMatchObject({
      engine: { endpoint: engine.endpoint },
      error: { code: 'ENGINE_UNREACHABLE' },
      reconnect: { attempt: 1 },
    });
    expect(detectMs).toBeLessThan(1_000);
    const refused = await t.backend.dispatch('containers.list', {}, { role: 'admin', user: 'x', via: 'cli' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });

    // While it is down, Berth keeps trying the same engine (never falls through to the embedded one).
    await new Promise((r) => setTimeout(r, 1_200));
    const whileDown = t.log.events['engine.status'].filter((r) => r.at >= killedAt).map((r) => r.payload);
    expect(whileDown.every((s) => s.state === 'unreachable' && s.engine?.endpoint === engine.endpoint)).toBe(
      true,
    );
    expect(Math.max(...whileDown.map((s) => s.reconnect?.attempt ?? 0))).toBeGreaterThanOrEqual(2);

    const restartAt = Date.now();
    await engine.restart();
    const readyAt = Date.now();
    const up = await t.log.status('connected', restartAt, 15_000);
    const reset = await t.log.waitFor('containers.changed', (p) => p.kind === 'reset', { from: up.at });
    const items = reset.payload.kind === 'reset' ? reset.payload.items : [];
    expect(ids(items)).toEqual(await engineIds(engine));
    // dockerd does not restart containers after a crash without a restart policy: the list must say so.
    expect(items.find((c) => c.id === keep.id)?.state).toBe('exited');
    console.log(
      `killed engine detected in ${detectMs} ms; engine restart took ${readyAt - restartAt} ms; ` +
        `reconnected ${up.at - readyAt} ms after the engine answered again`,
    );
  });

  it('engine.reconnect drops the link and connects again at once', async () => {
    const from = Date.now();
    const status = await call<EngineStatus>(t.backend, 'engine.reconnect');
    expect(status.state).toBe('connected');
    await t.log.waitFor('containers.changed', (p) => p.kind === 'reset', { from });
  });

  it('switches engines when settings.engine.preferred changes, and leaves engines it did not start running', async () => {
    const other = await startTestEngine();
    try {
      await ensureTestImage(other.docker);
      const only = await other.docker.createContainer({
        Image: TEST_IMAGE,
        Cmd: ['true'],
        name: 'only-on-b',
      });
      const from = Date.now();
      const settings = await call<{ engine: { preferred: string } }>(t.backend, 'settings.update', {
        engine: { preferred: other.endpoint },
      });
      expect(settings.engine.preferred).toBe(other.endpoint);
      const up = await t.log.waitFor(
        'engine.status',
        (s) => s.state === 'connected' && s.engine?.endpoint === other.endpoint,
        { from },
      );
      expect(up.payload.engine?.source).toBe('settings');
      const reset = await t.log.waitFor('containers.changed', (p) => p.kind === 'reset', { from: up.at });
      expect(reset.payload.kind === 'reset' && reset.payload.items.map((c) => c.id)).toEqual([only.id]);
      expect(t.store.entries.some((e) => e.method === 'settings.update' && e.ok)).toBe(true);

      await t.backend.dispose();
      expect(t.log.events['engine.status'].at(-1)?.payload.state).toBe('stopped');
      // Neither engine was started by the backend, so both still answer.
      expect(String(await engine.docker.ping())).toBe('OK');
      expect(String(await other.docker.ping())).toBe('OK');
    } finally {
      await other.stop();
    }
  });

  it('notices an engine that hangs without closing the link, and reconciles periodically', async () => {
    const pid = await readPidFile(engineLayout(engine.dataDir, {}, 0).pidFile);
    if (pid === undefined) throw new Error('the test engine has no pidfile');
    const h = await startBackend(engine.endpoint, {
      engineTiming: { pingIntervalMs: 300, requestTimeoutMs: 400, reconcileIntervalMs: 500 },
    });
    try {
      const up = await h.log.status('connected');
      // Two resets without any container event: the first list and one reconciliation.
      await h.log.waitFor('containers.changed', (p) => p.kind === 'reset', {
        from: up.at + 400,
        timeoutMs: 3_000,
      });
      process.kill(pid, 'SIGSTOP'); // the socket stays open, the event stream stays silent: only pings can tell
      const stoppedAt = Date.now();
      const down = await h.log.status('unreachable', stoppedAt, 5_000);
      expect(down.payload.error?.code).toBe('TIMEOUT');
      process.kill(pid, 'SIGCONT');
      const contAt = Date.now();
      await h.log.status('connected', contAt, 10_000);
      console.log(`hung engine detected in ${down.at - stoppedAt} ms (ping every 300 ms, 400 ms timeout)`);
    } finally {
      process.kill(pid, 'SIGCONT');
      await h.dispose();
    }
  });
});
