import { describe, expect, it } from 'vitest';
import { withTaskAndNode } from './logs';

describe('service log details', () => {
  it('reads task and node from the details prefix and keeps the text', () => {
    const l = withTaskAndNode({ stream: 'stdout', ts: '2026-01-01T00:00:00Z', text: 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 hello world' });
    expect(l).toEqual({ stream: 'stdout', ts: '2026-01-01T00:00:00Z', text: 'hello world', task: 't1', node: 'n1' });
    expect(withTaskAndNode({ stream: 'stderr', text: 'plain' })).toEqual({ stream: 'stderr', text: 'plain' });
  });
});
