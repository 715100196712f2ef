import { describe, expect, it } from 'vitest';
import type { SwarmNode, SwarmTask } from '../../contract';
import { stackPsTable } from './stack-output';

const node = { id: 'n1', hostname: 'node1' } as SwarmNode;
const task = (id: string, slot: number | undefined, createdAt: number, extra: Partial<SwarmTask> = {}): SwarmTask => ({
  id,
  serviceId: 's',
  serviceName: 'shop_web',
  slot,
  nodeId: 'n1',
  desiredState: 'running',
  state: 'running',
  image: 'app:1@sha256:abcd',
  createdAt,
  stateSince: 1_000_000 - 120_000,
  ...extra,
});

describe('berth stack ps', () => {
  it('prints the newest task of a slot first and older ones under \\_, like docker stack ps', () => {
    const lines = stackPsTable(
      [task('old1234567890abc', 1, 1, { desiredState: 'shutdown', state: 'failed', error: 'task: non-zero exit (1)' }), task('new1234567890abc', 1, 2), task('glob1234567890ab', undefined, 3)],
      [node],
      false,
      1_000_000,
    );
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS',
      'glob12345678 shop_web.n1 app:1 node1 Running Running 2 minutes ago',
      'new123456789 shop_web.1 app:1 node1 Running Running 2 minutes ago',
      'old123456789 \\_ shop_web.1 app:1 node1 Shutdown Failed 2 minutes ago "task: non-zero exit (1)"',
    ]);
  });
});
