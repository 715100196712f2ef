import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineCandidate, EngineStatus, InstallHint } from '../../contract';
import { BerthError } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { EngineManager, type EngineManagerOptions } from './engine-manager';

// No Docker API double here: candidates point at sockets that do not exist, so the real client fails for real.
const missing = (n: number): EngineCandidate => ({
  id: `missing-${n}`,
  source: 'default-socket',
  label: `Missing ${n}`,
  endpoint: `unix:///tmp/berth-no-such-engine-${process.pid}-${n}.sock`,
  embedded: false,
});
const embedded: EngineCandidate = {
  id: 'embedded',
  source: 'embedded',
  label: 'Embedded engine',
  endpoint: 'unix:///tmp/berth-embedded-never.sock',
  embedded: true,
};
const hint: InstallHint = {
  os: 'linux',
  title: 'Install Docker',
  missing: ['dockerd'],
  commands: ['apt-get install docker.io'],
};
const notInstalled = () => Promise.reject(new BerthError('ENGINE_NOT_INSTALLED', 'dockerd is missing', hint));

const managers: EngineManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.dispose()));
});

function setup(candidates: EngineCandidate[], overrides: Partial<EngineManagerOptions> = {}) {
  const bus = new EventBus();
  const statuses: EngineStatus[] = [];
  bus.on('engine.status', (s) => statuses.push(s));
  const candidatesFor = vi.fn((_: string) => Promise.resolve(candidates));
  const manager = new EngineManager({
    bus,
    preferred: 'auto',
    candidatesFor,
    startEmbedded: notInstalled,
    timing: { backoffInitialMs: 20, backoffMaxMs: 40, requestTimeoutMs: 500 },
    ...overrides,
  });
  managers.push(manager);
  return { manager, statuses, candidatesFor };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('EngineManager', () => {
  it('reports unreachable with reconnect info and retries with growing backoff', async () => {
    const { manager, statuses, candidatesFor } = setup([missing(1), missing(2)]);
    manager.start();
    await until(() => statuses.filter((s) => s.state === 'unreachable').length >= 3);
    const unreachable = statuses.filter((s) => s.state === 'unreachable');
    expect(unreachable[0]).toMatchObject({
      engine: { id: 'missing-1' },
      error: { code: 'ENGINE_UNREACHABLE' },
      reconnect: { attempt: 1 },
    });
    expect(unreachable.map((s) => s.reconnect?.attempt)).toEqual([1, 2, 3]);
    // `since` marks the state change, not each attempt.
    expect(new Set(unreachable.map((s) => s.since)).size).toBe(1);
    expect(statuses[0]).toMatchObject({ state: 'connecting', engine: { id: 'missing-1' } });
    expect(statuses.some((s) => s.state === 'connecting' && s.engine?.id === 'missing-2')).toBe(true);
    expect(candidatesFor).toHaveBeenCalledWith('auto');
  });

  it('says why services cannot reach the engine', async () => {
    const { manager, statuses } = setup([missing(1)]);
    expect(() => manager.docker()).toThrow(expect.objectContaining({ code: 'ENGINE_UNREACHABLE' }) as Error);
    manager.start();
    await until(() => statuses.some((s) => s.state === 'unreachable'));
    expect(() => manager.docker()).toThrow(/cannot be reached/);
  });

  it('starts the embedded engine only when reached, and reports not-installed with the hint', async () => {
    const startEmbedded = vi.fn(notInstalled);
    const { manager, statuses } = setup([embedded], { startEmbedded });
    manager.start();
    await until(() => statuses.some((s) => s.state === 'not-installed'));
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'not-installed']);
    expect(manager.getStatus()).toMatchObject({ install: hint, error: { code: 'ENGINE_NOT_INSTALLED' } });
    expect(() => manager.docker()).toThrow(
      expect.objectContaining({ code: 'ENGINE_NOT_INSTALLED' }) as Error,
    );
    // Installing is up to the user: no retry loop restarts a missing binary.
    await new Promise((r) => setTimeout(r, 100));
    expect(startEmbedded).toHaveBeenCalledTimes(1);
    expect(statuses).toHaveLength(2);
  });

  it('keeps the install hint visible when another candidate is merely unreachable', async () => {
    const { manager, statuses } = setup([missing(1), embedded]);
    manager.start();
    await until(() => statuses.some((s) => s.state === 'unreachable'));
    expect(manager.getStatus()).toMatchObject({
      state: 'unreachable',
      install: hint,
      engine: { id: 'missing-1' },
    });
  });

  it('switches preference and reselects at once', async () => {
    const { manager, candidatesFor, statuses } = setup([missing(1)]);
    manager.start();
    await until(() => statuses.some((s) => s.state === 'unreachable'));
    const status = await manager.setPreferred('unix:///tmp/other.sock');
    expect(manager.preferredEngine).toBe('unix:///tmp/other.sock');
    expect(candidatesFor).toHaveBeenLastCalledWith('unix:///tmp/other.sock');
    expect(status.state).toBe('unreachable');
  });

  it('stops retrying and reports stopped on dispose', async () => {
    const { manager, statuses, candidatesFor } = setup([missing(1)]);
    manager.start();
    await until(() => statuses.some((s) => s.state === 'unreachable'));
    await manager.dispose();
    const calls = candidatesFor.mock.calls.length;
    expect(manager.getStatus().state).toBe('stopped');
    await new Promise((r) => setTimeout(r, 150));
    expect(candidatesFor.mock.calls.length).toBe(calls);
    expect(statuses.at(-1)?.state).toBe('stopped');
  });

  it('stops an embedded engine it started when disposed while the start is still running', async () => {
    const stop = vi.fn(() => Promise.resolve());
    let finishStart: () => void = () => {};
    const startEmbedded = () =>
      new Promise<never>((resolve) => {
        finishStart = () =>
          resolve({
            candidate: embedded,
            socketPath: '/tmp/x.sock',
            logFile: '/tmp/x.log',
            pid: undefined,
            stop,
          } as never);
      });
    const { manager, statuses } = setup([embedded], { startEmbedded });
    manager.start();
    await until(() => statuses.some((s) => s.state === 'starting'));
    const disposed = manager.dispose();
    finishStart();
    await disposed;
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
