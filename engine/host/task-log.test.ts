import { EventBus } from '../base/event-bus';
import { logTaskLifecycle } from './task-log';
import type { TaskInfo } from '../contract';

const task = (over: Partial<TaskInfo>): TaskInfo => ({
  id: 't1',
  kind: 'volumes.restore',
  title: 'Restore volume v',
  state: 'running',
  startedAt: Date.now(),
  cancellable: true,
  ...over,
});

describe('logTaskLifecycle', () => {
  it('logs each task once when it starts and once when it ends, with the error', () => {
    const bus = new EventBus();
    const lines: string[] = [];
    logTaskLifecycle(bus, (l) => lines.push(l));
    const emit = (t: TaskInfo) => bus.emit('tasks.changed', { kind: 'patch', upserts: [t], removed: [] });
    emit(task({}));
    emit(task({ message: 'Received 1 KiB' }));
    emit(task({ state: 'failed', error: { code: 'CONFLICT', message: 'Volume v is not empty' } }));
    emit(task({ state: 'failed', error: { code: 'CONFLICT', message: 'Volume v is not empty' } }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('[berth] task t1 volumes.restore started: Restore volume v');
    expect(lines[1]).toMatch(
      /^\[berth\] task t1 volumes\.restore failed after \d+\.\d s: CONFLICT: Volume v is not empty$/,
    );
  });
});
