import { describe, expect, it } from 'vitest';
import type { TaskInfo } from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { bindEngine, createBerthStore } from './store';
import { countRunningTasks, selectTaskList, taskCall } from './tasksList';

const task = (id: string, over: Partial<TaskInfo> = {}): TaskInfo => ({
  id,
  kind: 'images.pull',
  title: `Pull ${id}`,
  state: 'running',
  startedAt: 1000,
  cancellable: true,
  ...over,
});

/** A scheduler the test flushes by hand, standing in for animation frames. */
function manualFrames() {
  const queued: (() => void)[] = [];
  return {
    schedule: (run: () => void) => {
      queued.push(run);
      return () => queued.splice(queued.indexOf(run), 1);
    },
    frame: () => {
      for (const run of queued.splice(0)) run();
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('tasks list', () => {
  it('lists tasks when the link opens and again after it reopens (the list lives in the backend)', async () => {
    let list = [task('a')];
    const fake = createFakeClient({ 'tasks.list': () => ({ ok: true, value: list }) });
    const store = createBerthStore(fake.client);
    bindEngine(store, fake.client, manualFrames().schedule);
    expect(fake.callsOf('tasks.list')).toHaveLength(0);
    fake.setTransport('open');
    await flush();
    expect(Object.keys(store.getState().tasks.items)).toEqual(['a']);
    expect(store.getState().tasks.loaded).toBe(true);
    list = [task('a', { state: 'succeeded' }), task('b', { startedAt: 2000 })];
    fake.setTransport('closed');
    fake.setTransport('open');
    await flush();
    expect(fake.callsOf('tasks.list')).toHaveLength(2);
    expect(selectTaskList(store.getState().tasks.items).map((t) => t.id)).toEqual(['b', 'a']);
    expect(countRunningTasks(store.getState().tasks.items)).toBe(1);
  });

  it('applies tasks.changed patches once per frame', () => {
    const fake = createFakeClient();
    const store = createBerthStore(fake.client);
    const frames = manualFrames();
    bindEngine(store, fake.client, frames.schedule);
    const seen: number[] = [];
    store.subscribe((s, prev) => {
      if (s.tasks.items !== prev.tasks.items) seen.push(Object.keys(s.tasks.items).length);
    });
    fake.emit('tasks.changed', { kind: 'reset', items: [task('a'), task('b')] });
    fake.emit('tasks.changed', {
      kind: 'patch',
      upserts: [task('a', { progress: { fraction: 0.5 } })],
      removed: [],
    });
    fake.emit('tasks.changed', { kind: 'patch', upserts: [task('c')], removed: ['b'] });
    expect(seen).toEqual([]);
    frames.frame();
    expect(seen).toEqual([2]);
    expect(store.getState().tasks.items.a?.progress).toEqual({ fraction: 0.5 });
    expect(Object.keys(store.getState().tasks.items).sort()).toEqual(['a', 'c']);
  });

  it('cancels and dismisses through the backend, keeping failures per task', async () => {
    const fake = createFakeClient({
      'tasks.cancel': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: 'This task cannot be cancelled.' },
      }),
      'tasks.dismiss': () => ({ ok: true, value: undefined }),
    });
    const store = createBerthStore(fake.client);
    store
      .getState()
      .tasks.applyPatches([{ kind: 'reset', items: [task('a'), task('done', { state: 'failed' })] }]);
    expect(await store.getState().tasks.runAction('a', 'cancel', taskCall('a', 'cancel'))).toBe(false);
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 'a' }]);
    expect(store.getState().tasks.errors.a?.error.message).toBe('This task cannot be cancelled.');
    expect(await store.getState().tasks.runAction('done', 'dismiss', taskCall('done', 'dismiss'))).toBe(true);
    expect(fake.callsOf('tasks.dismiss')).toEqual([{ id: 'done' }]);
    expect(store.getState().tasks.items.done).toBeUndefined();
    expect(store.getState().tasks.pending).toEqual({});
  });

  it('keeps the list error until a later list succeeds', async () => {
    let fail = true;
    const fake = createFakeClient({
      'tasks.list': () =>
        fail ? { ok: false, error: { code: 'INTERNAL', message: 'boom' } } : { ok: true, value: [] },
    });
    const store = createBerthStore(fake.client);
    await store.getState().tasks.load();
    expect(store.getState().tasks.error?.message).toBe('boom');
    fail = false;
    await store.getState().tasks.load();
    expect(store.getState().tasks.error).toBeNull();
    expect(store.getState().tasks.loaded).toBe(true);
  });
});
