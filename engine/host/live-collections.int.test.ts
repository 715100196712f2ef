import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../e2e/harness/engine';
import type { ContainerSummary } from '../contract';
import { call, startBackend, type TestBackend } from '../services/testing/backend';
import { recordingProxy, type RecordingProxy } from '../services/testing/recording-proxy';

let engine: TestEngine;
let live: TestBackend;
let oneShot: TestBackend;
let liveRequests: RecordingProxy;
let oneShotRequests: RecordingProxy;
/** Short, so a relist the one-shot backend should not do would happen several times within a test. */
const engineTiming = { reconcileIntervalMs: 100 };

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  liveRequests = await recordingProxy(engine.socketPath);
  oneShotRequests = await recordingProxy(engine.socketPath);
  live = await startBackend(liveRequests.endpoint, { engineTiming });
  oneShot = await startBackend(oneShotRequests.endpoint, { liveCollections: false, engineTiming });
  await live.log.status('connected');
  await oneShot.log.status('connected');
});
afterAll(async () => {
  await live?.dispose();
  await oneShot?.dispose();
  await liveRequests?.close();
  await oneShotRequests?.close();
  await engine?.stop();
});

const opensEvents = (path: string) => /^(\/v[\d.]+)?\/events\b/.test(path);
const listsContainers = (path: string) => /^(\/v[\d.]+)?\/containers\/json\b/.test(path);

describe('createBackend liveCollections: false (one-shot commands)', () => {
  it('answers calls but sends no list patches, while a live backend does', async () => {
    const from = Date.now();
    const c = await engine.docker.createContainer({
      name: 'oneshot-probe',
      Image: TEST_IMAGE,
      Cmd: ['true'],
    });
    await live.log.waitFor(
      'containers.changed',
      (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === c.id),
      { from },
    );
    expect((await call<ContainerSummary[]>(oneShot.backend, 'containers.list')).map((x) => x.name)).toContain(
      'oneshot-probe',
    );
    await new Promise((r) => setTimeout(r, 300)); // longer than the 30 ms coalescing window of a live list
    const patches = oneShot.log.events['containers.changed'].filter((r) => r.at >= from);
    expect(patches).toEqual([]);
    await c.remove();
  });

  it('opens no /events stream and never relists (as `berth compose ps` runs), while a live backend does both', async () => {
    const before = oneShotRequests.requests.length;
    await call(oneShot.backend, 'containers.list');
    await call(oneShot.backend, 'compose.projects.list');
    await call(oneShot.backend, 'compose.ps', { name: 'oneshot-none' });
    await new Promise((r) => setTimeout(r, 500)); // five reconciliation periods
    expect(oneShotRequests.requests.filter(opensEvents)).toEqual([]);
    // One container list per call and nothing else: no relist at connect, none per reconciliation.
    expect(oneShotRequests.requests.slice(before).filter(listsContainers)).toHaveLength(3);
    expect(oneShot.log.events['compose.changed']).toEqual([]);
    // The same proxy sees the live backend's stream and relists, so the checks above can fail.
    expect(liveRequests.requests.filter(opensEvents)).toHaveLength(1);
    expect(liveRequests.requests.filter(listsContainers).length).toBeGreaterThan(5);
  });
});
