import { describe, expect, it, vi } from 'vitest';
import { ok, type ContainerSummary } from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { connectedStatus, container } from '../testing/fixtures';
import { selectContainerRows, summarizeEngine, toPortViews } from './selectors';
import { bindEngine, createBerthStore } from './store';

const manualFrames = () => {
  const frames: (() => void)[] = [];
  return {
    schedule: (run: () => void) => {
      frames.push(run);
      return () => undefined;
    },
    runFrame: () => frames.splice(0).forEach((f) => f()),
  };
};

const flushPromises = () => new Promise((r) => setTimeout(r, 0));

function setup(list: ContainerSummary[] = [container('web'), container('db')]) {
  const fake = createFakeClient({
    'containers.list': () => ok(list),
    'engine.status': () => ok(connectedStatus),
    'settings.get': () => ok({ engine: { preferred: 'auto' }, theme: 'dark' as const }),
  });
  const store = createBerthStore(fake.client);
  const frames = manualFrames();
  const dispose = bindEngine(store, fake.client, frames.schedule);
  return { fake, store, frames, dispose };
}

describe('berth store', () => {
  it('loads engine status, settings and containers when the transport opens', async () => {
    const { fake, store } = setup();
    fake.setTransport('open');
    await flushPromises();
    const s = store.getState();
    expect(s.engineStatus?.state).toBe('connected');
    expect(s.settings?.theme).toBe('dark');
    expect(Object.keys(s.containers.items).sort()).toEqual(['db-id', 'web-id']);
    expect(s.containers.loaded).toBe(true);
  });

  it('applies patches in one batch per frame: upserts, removals and resets', async () => {
    const { fake, store, frames } = setup();
    fake.setTransport('open');
    await flushPromises();
    const listener = vi.fn();
    store.subscribe(listener);
    fake.emit('containers.changed', { kind: 'patch', upserts: [container('web', { state: 'exited' })], removed: [] });
    fake.emit('containers.changed', { kind: 'patch', upserts: [container('cache')], removed: ['db-id'] });
    expect(store.getState().containers.items['web-id']?.state).toBe('running');
    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().containers.items['web-id']?.state).toBe('exited');
    expect(Object.keys(store.getState().containers.items).sort()).toEqual(['cache-id', 'web-id']);
    fake.emit('containers.changed', { kind: 'reset', items: [container('only')] });
    frames.runFrame();
    expect(Object.keys(store.getState().containers.items)).toEqual(['only-id']);
  });

  it('relists when the transport reopens and when the engine comes back to connected', async () => {
    const { fake, store } = setup();
    fake.setTransport('open');
    await flushPromises();
    expect(fake.callsOf('containers.list')).toHaveLength(1);
    fake.setTransport('closed');
    fake.setTransport('open');
    await flushPromises();
    expect(fake.callsOf('containers.list')).toHaveLength(2);
    fake.emit('engine.status', { state: 'connected', since: 2 }); // still connected: no relist
    fake.emit('engine.status', { state: 'unreachable', since: 3 });
    fake.emit('engine.status', { state: 'connected', since: 4 });
    await flushPromises();
    expect(fake.callsOf('containers.list')).toHaveLength(3);
    expect(store.getState().engineStatus?.since).toBe(4);
  });

  it('tracks pending and failure per container, and drops a removed row on success', async () => {
    const { fake, store } = setup();
    fake.setTransport('open');
    await flushPromises();
    let finish: (ok: boolean) => void = () => undefined;
    const run = store.getState().containers.runAction('web-id', 'stop', () =>
      new Promise((resolve) => {
        finish = (success) =>
          resolve(success ? ok(undefined) : { ok: false, error: { code: 'CONFLICT', message: 'busy' } });
      }),
    );
    expect(store.getState().containers.pending).toEqual({ 'web-id': 'stop' });
    finish(false);
    await expect(run).resolves.toBe(false);
    expect(store.getState().containers.pending).toEqual({});
    expect(store.getState().containers.errors['web-id']).toEqual({ action: 'stop', error: { code: 'CONFLICT', message: 'busy' } });
    await store.getState().containers.runAction('web-id', 'remove', () => Promise.resolve(ok(undefined)));
    expect(store.getState().containers.errors['web-id']).toBeUndefined();
    expect(store.getState().containers.items['web-id']).toBeUndefined();
  });

  it('unhooks events on dispose', async () => {
    const { fake, store, frames, dispose } = setup();
    fake.setTransport('open');
    await flushPromises();
    dispose();
    fake.emit('containers.changed', { kind: 'reset', items: [] });
    frames.runFrame();
    expect(Object.keys(store.getState().containers.items)).toHaveLength(2);
  });
});

describe('selectors', () => {
  it('maps containers to rows once per change and keeps the array stable otherwise', async () => {
    const { fake, store } = setup([container('web', { composeProject: 'shop', created: 1000 })]);
    fake.setTransport('open');
    await flushPromises();
    const rows = selectContainerRows(store.getState());
    expect(rows[0]).toMatchObject({ name: 'web', project: 'shop', created: 1_000_000, stateTone: 'success' });
    store.getState().notify('info', 'unrelated');
    expect(selectContainerRows(store.getState())).toBe(rows);
  });

  it('shows each published port once with a localhost link', () => {
    const views = toPortViews([
      { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, protocol: 'tcp' },
      { ip: '::', privatePort: 80, publicPort: 8080, protocol: 'tcp' },
      { privatePort: 443, protocol: 'tcp' },
      { privatePort: 53, publicPort: 5353, protocol: 'udp' },
    ]);
    expect(views).toEqual([
      { key: '8080→80/tcp', label: '8080→80/tcp', url: 'http://localhost:8080' },
      { key: '5353→53/udp', label: '5353→53/udp' },
      { key: '443/tcp', label: '443/tcp' },
    ]);
  });

  it('summarizes the backend link before the engine state', () => {
    expect(summarizeEngine(connectedStatus, 'closed').tone).toBe('error');
    expect(summarizeEngine(connectedStatus, 'open')).toMatchObject({ tone: 'success', label: 'Docker 27.3.1' });
  });
});
