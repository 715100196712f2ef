import { describe, expect, it } from 'vitest';
import type { LocalClusterStatus } from '../../../api/contract';
import { STOPPED_ENGINE, withStoppedEngines } from './localEngines';
import { threeNodeSwarm } from './testing/swarmFixtures';

const nodes = Object.fromEntries(threeNodeSwarm().nodes.map((n) => [n.id, n]));
const cluster = (states: string[], connected = true): LocalClusterStatus =>
  ({
    exists: true,
    connected,
    mechanisms: [],
    nodes: states.map((state, i) => ({ name: `berth-node${i + 1}`, hostname: `node${i + 1}`, role: i ? 'worker' : 'manager', address: '', endpoint: '', state, nodeId: `node${i + 1}-id` })),
  }) as unknown as LocalClusterStatus;

describe('nodes of the local cluster whose engine stopped', () => {
  it('are drawn down at once, with why; the others stay the same objects', () => {
    const out = withStoppedEngines(nodes, cluster(['running', 'running', 'stopped']));
    expect(out['node3-id']).toMatchObject({ state: 'down', message: STOPPED_ENGINE });
    expect(out['node1-id']).toBe(nodes['node1-id']);
    expect(nodes['node3-id']?.state).toBe('ready');
  });

  it('change nothing when all run, when Berth is not connected to the cluster, or without a cluster', () => {
    expect(withStoppedEngines(nodes, cluster(['running', 'running', 'running']))).toBe(nodes);
    expect(withStoppedEngines(nodes, cluster(['running', 'running', 'stopped'], false))).toBe(nodes);
    expect(withStoppedEngines(nodes, null)).toBe(nodes);
  });
});
