import { describe, expect, it } from 'vitest';
import type { CollectionPatch, TaskInfo } from '../../contract';
import { EventBus } from '../../base/event-bus';
import { TaskManager } from './task-manager';

function setup() {
  const bus = new EventBus();
  const patches: CollectionPatch<TaskInfo>[] = [];
  bus.on('tasks.changed', (p) => patches.push(p));
  return { tasks: new TaskManager(bus), patches };
}
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('TaskManager', () => {
  it('runs a task, publishes progress and the result, and keeps its log', async () => {
    const { tasks, patches } = setup();
    const id = tasks.start({
      kind: 'images.pull',
      title: 'Pull x',
      keepLog: true,
      run: async (ctx) => {
        ctx.step({ id: 'layer1', label: 'Layer 1', state: 'running', fraction: 0.5 });
        ctx.progress({ progress: { fraction: 0.5 }, message: 'Downloading' });
        ctx.log('line one');
        await tick(5);
        return { imageId: 'sha256:abc' };
      },
    });
    expect(tasks.get(id)).toMatchObject({ state: 'running', kind: 'images.pull' });
    const done = await tasks.wait(id);
    expect(done).toMatchObject({
      state: 'succeeded',
      result: { imageId: 'sha256:abc' },
      progress: { fraction: 1 },
    });
    expect(done.steps).toEqual([{ id: 'layer1', label: 'Layer 1', state: 'running', fraction: 0.5 }]);
    const last = patches.at(-1);
    expect(last?.kind === 'patch' && last.upserts[0]?.state).toBe('succeeded');
    const lines: string[] = [];
    tasks.followLog(
      id,
      (l) => lines.push(...l),
      () => undefined,
    );
    expect(lines).toEqual(['line one']);
  });

  it('cancels through the abort signal and reports cancelled, not failed', async () => {
    const { tasks } = setup();
    const id = tasks.start({
      kind: 'x',
      title: 'Long',
      run: (ctx) =>
        new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    await tick();
    tasks.cancel(id);
    expect(await tasks.wait(id)).toMatchObject({ state: 'cancelled' });
  });

  it('reports failures as error data and refuses to dismiss running tasks', async () => {
    const { tasks, patches } = setup();
    const slow = tasks.start({ kind: 'x', title: 'Slow', run: () => tick(30) });
    expect(() => tasks.dismiss(slow)).toThrow(/running task/);
    const id = tasks.start({ kind: 'x', title: 'Bad', run: () => Promise.reject(new Error('boom')) });
    expect(await tasks.wait(id)).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    tasks.dismiss(id);
    expect(tasks.get(id)).toBeUndefined();
    expect(patches.at(-1)).toEqual({ kind: 'patch', upserts: [], removed: [id] });
    expect(() => tasks.cancel('nope')).toThrow(/No task/);
  });

  it('refuses to cancel a task marked not cancellable', async () => {
    const { tasks } = setup();
    const id = tasks.start({ kind: 'x', title: 'Atomic', cancellable: false, run: () => tick(10) });
    expect(() => tasks.cancel(id)).toThrow(/cannot be cancelled/);
    await tasks.wait(id);
  });
});
