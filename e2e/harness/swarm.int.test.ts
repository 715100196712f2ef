import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from './image';
import { swarmNodeClient } from './swarm';
import { useTestSwarm } from './use-test-swarm';

const swarm = useTestSwarm();

describe('the shared test swarm', () => {
  it('has 3 ready nodes with distinct hostnames, one manager, and the test image on each', async () => {
    const { info } = swarm;
    console.log(`test swarm ready (created in ${info.startMs} ms by whichever file asked first)`);
    expect(info.nodes.map((n) => n.role)).toEqual(['manager', 'worker', 'worker']);
    expect(new Set(info.nodes.map((n) => n.hostname)).size).toBe(3);
    const nodes = (await swarmNodeClient(info.managerEndpoint).listNodes()) as { ID: string; Status: { State: string } }[];
    expect(nodes.map((n) => n.ID).sort()).toEqual(info.nodes.map((n) => n.nodeId).sort());
    expect(nodes.every((n) => n.Status.State === 'ready')).toBe(true);
    for (const n of info.nodes) await expect(swarmNodeClient(n.endpoint).getImage(TEST_IMAGE).inspect()).resolves.toBeTruthy();
  });
});
