import { describe, expect, it } from 'vitest';
import type { TaskInfo } from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { bindEngine, createBerthStore } from './store';
import { countRunningTasks, selectTaskList } from './tasksSlice';

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

describe('tasks slice', () => {
  it('lists tasks when the link opens and again after it reopens (the list lives in the backend)', async () => {
    let list = [task('a')];
    const fake = createFakeClient({ 'tasks.list': () => ({ ok: true, value: list }) });
    const store = createBerthStore(fake.client);
    bindEngine(store, fake.client, manualFrames().schedule);
    expect(fake.callsOf('tasks.list')).toHaveLength(0);
    fake.setTransport('open');
    await flush();
    expect(Object.keys(store.getState().tasks)).toEqual(['a']);
    expect(store.getState().tasksLoaded).toBe(true);
    list = [task('a', { state: 'succeeded' }), task('b', { startedAt: 2000 })];
    fake.setTransport('closed');
    fake.setTransport('open');
    await flush();
    expect(fake.callsOf('tasks.list')).toHaveLength(2);
    expect(selectTaskList(store.getState().tasks).map((t) => t.id)).toEqual(['b', 'a']);
    expect(countRunningTasks(store.getState().tasks)).toBe(1);
  });

  it('applies tasks.changed patches once per frame', () => {
    const fake = createFakeClient();
    const store = createBerthStore(fake.client);
    const frames = manualFrames();
    bindEngine(store, fake.client, frames.schedule);
    const seen: number[] = [];
    store.subscribe((s, prev) => {
      if (s.tasks !== prev.tasks) seen.push(Object.keys(s.tasks).length);
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
    expect(store.getState().tasks.a?.progress).toEqual({ fraction: 0.5 });
    expect(Object.keys(store.getState().tasks).sort()).toEqual(['a', 'c']);
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
      .applyTaskPatches([{ kind: 'reset', items: [task('a'), task('done', { state: 'failed' })] }]);
    expect(await store.getState().cancelTask('a')).toBe(false);
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 'a' }]);
    expect(store.getState().taskActionErrors.a?.message).toBe('This task cannot be cancelled.');
    expect(await store.getState().dismissTask('done')).toBe(true);
    expect(fake.callsOf('tasks.dismiss')).toEqual([{ id: 'done' }]);
    expect(store.getState().tasks.done).toBeUndefined();
    expect(store.getState().taskPending).toEqual({});
  });

  it('keeps the list error until a later list succeeds', async () => {
    let fail = true;
    const fake = createFakeClient({
      'tasks.list': () =>
        fail ? { ok: false, error: { code: 'INTERNAL', message: 'boom' } } : { ok: true, value: [] },
    });
    const store = createBerthStore(fake.client);
    await store.getState().loadTasks();
    expect(store.getState().tasksError?.message).toBe('boom');
    fail = false;
    await store.getState().loadTasks();
    expect(store.getState().tasksError).toBeNull();
    expect(store.getState().tasksLoaded).toBe(true);
  });
});
