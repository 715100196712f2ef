import { describe, expect, it } from 'vitest';
import { toNodeTaskEvent } from './node-events';

const event = (action: string, attributes: Record<string, string>, type = 'container') => ({ type, action, id: 'c1', attributes, timeNano: 1_700_000_000_123_456_000 });

describe('a node engine event as a task event', () => {
  it('reads start and die of a swarm task container, with the exit code and the time in ms', () => {
    expect(toNodeTaskEvent(event('start', { 'com.docker.swarm.task.id': 't1' }))).toEqual({ taskId: 't1', action: 'start', containerId: 'c1', at: 1_700_000_000_123 });
    expect(toNodeTaskEvent(event('die', { 'com.docker.swarm.task.id': 't1', exitCode: '137' }))).toMatchObject({ action: 'die', exitCode: 137 });
  });

  it('ignores other actions, containers that are no swarm task, and other object types', () => {
    expect(toNodeTaskEvent(event('create', { 'com.docker.swarm.task.id': 't1' }))).toBeUndefined();
    expect(toNodeTaskEvent(event('start', {}))).toBeUndefined();
    expect(toNodeTaskEvent(event('start', { 'com.docker.swarm.task.id': 't1' }, 'network'))).toBeUndefined();
  });
});
