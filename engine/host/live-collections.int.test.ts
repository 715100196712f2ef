import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../e2e/harness/engine';
import type { ContainerSummary } from '../contract';
import { call, startBackend, type TestBackend } from '../services/testing/backend-kit';

let engine: TestEngine;
let live: TestBackend;
let oneShot: TestBackend;

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  live = await startBackend(engine.endpoint);
  oneShot = await startBackend(engine.endpoint, { liveCollections: false });
  await live.log.status('connected');
  await oneShot.log.status('connected');
});
afterAll(async () => {
  await live?.dispose();
  await oneShot?.dispose();
  await engine?.stop();
});

describe('createBackend liveCollections: false (one-shot commands)', () => {
  it('answers calls but sends no list patches, while a live backend does', async () => {
    const from = Date.now();
    const c = await engine.docker.createContainer({ name: 'oneshot-probe', Image: TEST_IMAGE, Cmd: ['true'] });
    await live.log.waitFor('containers.changed', (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === c.id), { from });
    expect((await call<ContainerSummary[]>(oneShot.backend, 'containers.list')).map((x) => x.name)).toContain('oneshot-probe');
    await new Promise((r) => setTimeout(r, 300)); // longer than the 30 ms coalescing window of a live list
    const patches = oneShot.log.events['containers.changed'].filter((r) => r.at >= from);
    expect(patches).toEqual([]);
    await c.remove();
  });
});
