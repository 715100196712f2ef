import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestBridge, type TestBridge } from '../../e2e/harness/bridge';
import { destroySync, TEST_DIR_PREFIX, track, untrack } from '../../e2e/harness/cleanup';
import type { EngineStatus } from '../contract';
import { engineLayout } from '../providers/embedded-layout';
import { startEmbeddedEngine, stopEmbeddedEngine } from '../providers/embedded';
import { isAlive, pingSocket, readPidFile } from '../providers/engine-process';
import { EventLog, emptyMachine, memoryStore, call } from '../services/testing/backend';
import { createBackend, domains } from './create-backend';

let dataDir: string | undefined;
let bridge: TestBridge | undefined;
afterAll(() => {
  if (!dataDir) return;
  untrack(dataDir);
  destroySync(dataDir, bridge?.name);
});

describe('createBackend with the embedded engine', () => {
  it('starts the embedded engine when discovery reaches it, and stops only that engine on dispose', async () => {
    dataDir = await mkdtemp(join('/tmp', TEST_DIR_PREFIX));
    bridge = await createTestBridge();
    track(dataDir, bridge.name); // dies with this process even if the test fails half-way
    const store = memoryStore(); // preference 'auto'; the machine has no other engine
    // Domains are imported on demand (ADR 19); imported once here, so what is timed is createBackend itself.
    await Promise.all(Object.values(domains).map((load) => load()));
    const t0 = Date.now();
    const backend = await createBackend({
      dataDir,
      store,
      discoveryEnv: emptyMachine(dataDir),
      embedded: { mode: 'rootful', bridge },
    });
    // createBackend does not wait for the engine.
    expect(Date.now() - t0).toBeLessThan(1_000);
    const log = new EventLog(backend);
    const up = await log.status('connected', undefined, 60_000);
    expect(up.payload.engine).toMatchObject({ source: 'embedded', embedded: true });
    const states = log.events['engine.status'].map((r) => r.payload.state);
    expect(states.indexOf('starting')).toBeLessThan(states.indexOf('connected'));
    console.log(`embedded engine started and connected in ${up.at - t0} ms`);

    expect(await call<unknown[]>(backend, 'containers.list')).toEqual([]);
    const pid = await readPidFile(engineLayout(dataDir, {}, 0).pidFile);
    expect(pid !== undefined && isAlive(pid)).toBe(true);

    await backend.dispose();
    await backend.dispose(); // idempotent
    expect(pid !== undefined && isAlive(pid)).toBe(false);
    const last = log.events['engine.status'].at(-1)?.payload as EngineStatus;
    expect(last.state).toBe('stopped');
  });

  it("uses an embedded engine that is already running (the app's, or berth engine start) and leaves it running", async () => {
    if (!dataDir || !bridge) throw new Error('the first test sets up the data dir and bridge');
    const running = await startEmbeddedEngine({ dataDir, mode: 'rootful', bridge, detached: true });
    const backend = await createBackend({
      dataDir,
      store: memoryStore(),
      discoveryEnv: emptyMachine(dataDir),
      embedded: { mode: 'rootful', bridge },
    });
    const log = new EventLog(backend);
    await log.status('connected', undefined, 60_000);
    expect(await call<unknown[]>(backend, 'containers.list')).toEqual([]);
    await backend.dispose(); // like a `berth compose` command finishing
    expect(running.pid !== undefined && isAlive(running.pid)).toBe(true);
    expect(await pingSocket(running.socketPath)).toBe(true);
    expect(await stopEmbeddedEngine(dataDir)).toBe(true);
  });
});
