import { describe, expect, it } from 'vitest';
import type { SwarmTask } from '../../contract';
import { AHEAD_MS, TasksAhead, taskFromNode } from './tasks-ahead';

const task = (extra: Partial<SwarmTask> = {}): SwarmTask => ({ id: 't1', serviceId: 's', serviceName: 'web', slot: 1, nodeId: 'n2', desiredState: 'running', state: 'starting', ...extra });

describe('task states from a node engine ahead of the manager', () => {
  it('maps start to running and die to failed, complete or (when being stopped) shutdown', () => {
    expect(taskFromNode(task(), { taskId: 't1', action: 'start', containerId: 'c1', at: 5 })).toMatchObject({ state: 'running', stateSince: 5, containerId: 'c1', message: 'started' });
    const running = task({ state: 'running' });
    expect(taskFromNode(running, { taskId: 't1', action: 'die', containerId: 'c1', exitCode: 137, at: 6 })).toMatchObject({ state: 'failed', exitCode: 137, error: 'task: non-zero exit (137)' });
    expect(taskFromNode(running, { taskId: 't1', action: 'die', containerId: 'c1', exitCode: 0, at: 6 })).toMatchObject({ state: 'complete', exitCode: 0 });
    expect(taskFromNode({ ...running, desiredState: 'shutdown' }, { taskId: 't1', action: 'die', containerId: 'c1', exitCode: 143, at: 6 })).toMatchObject({ state: 'shutdown' });
  });

  it('never moves a task back: a start for a running task or a die for an ended one changes nothing', () => {
    expect(taskFromNode(task({ state: 'running' }), { taskId: 't1', action: 'start', containerId: 'c1', at: 5 })).toBeUndefined();
    expect(taskFromNode(task({ state: 'shutdown' }), { taskId: 't1', action: 'die', containerId: 'c1', exitCode: 1, at: 5 })).toBeUndefined();
  });

  it('keeps the node state over an older manager list until the manager catches up or the state expires', () => {
    const ahead = new TasksAhead();
    const seen = taskFromNode(task(), { taskId: 't1', action: 'start', containerId: 'c1', at: 5 })!;
    ahead.set(seen, 1000);
    const lagging = new Map([['t1', task({ state: 'starting', updatedAt: 7 })]]);
    ahead.apply(lagging, 1100);
    expect(lagging.get('t1')).toMatchObject({ state: 'running', updatedAt: 7 });
    expect(ahead.size).toBe(1);
    const caughtUp = new Map([['t1', task({ state: 'running', stateSince: 9 })]]);
    ahead.apply(caughtUp, 1200);
    expect(caughtUp.get('t1')).toMatchObject({ state: 'running', stateSince: 9 });
    expect(ahead.size).toBe(0);
    ahead.set(seen, 1000);
    const stale = new Map([['t1', task({ state: 'starting' })]]);
    ahead.apply(stale, 1000 + AHEAD_MS + 1);
    expect(stale.get('t1')?.state).toBe('starting');
    expect(ahead.size).toBe(0);
  });

  it('lets the manager end state win over a node guess (a die it calls shutdown, not failed)', () => {
    const ahead = new TasksAhead();
    ahead.set(taskFromNode(task({ state: 'running' }), { taskId: 't1', action: 'die', containerId: 'c1', exitCode: 143, at: 5 })!, 1000);
    const fresh = new Map([['t1', task({ state: 'shutdown', desiredState: 'shutdown' })]]);
    ahead.apply(fresh, 1001);
    expect(fresh.get('t1')?.state).toBe('shutdown');
  });
});
