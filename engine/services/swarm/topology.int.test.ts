import { describe, expect, it } from 'vitest';
import type { NetworkSummary, SwarmServiceSummary } from '../../contract';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import { useSwarmBackend } from './testing/swarm-backend';

const env = useSwarmBackend();

// What the topology view reads on a real manager: services with their networks (IDs, names, aliases) and
// published ports, and a networks list that holds the swarm's overlay networks with driver, scope and ingress.
describe('topology data on a real single-node swarm', () => {
  it('lists services with network IDs, names and aliases, published ports and the stack label', async () => {
    await env.call('networks.list'); // the live lists follow from here
    await env.call('services.list');
    const net = await env.call<NetworkSummary>('networks.create', { name: 'topo_back', driver: 'overlay', attachable: true });
    const created = await env.call<SwarmServiceSummary>('services.create', {
      spec: {
        name: 'topo_api',
        image: TEST_IMAGE,
        replicas: 1,
        command: ['sleep', '600'],
        labels: { 'com.docker.stack.namespace': 'topo' },
        networks: [{ target: 'topo_back', aliases: ['api', 'api-internal'] }],
        // The routing mesh does not work on these machines; a host-mode port is published by the task itself.
        ports: [{ target: 80, published: 18081, protocol: 'tcp', mode: 'host' }],
      },
    });
    const [listed] = (await env.call<SwarmServiceSummary[]>('services.list')).filter((s) => s.id === created.id);
    expect(listed).toMatchObject({
      stack: 'topo',
      networks: ['topo_back'],
      networkRefs: [{ id: net.id, name: 'topo_back', aliases: ['api', 'api-internal'] }],
      ports: [{ target: 80, published: 18081, protocol: 'tcp', mode: 'host' }],
    });

    // Both arrive live too, as the topology view receives them.
    await env.t.log.waitFor('networks.changed', (p) => p.kind === 'patch' && p.upserts.some((n) => n.id === net.id && n.driver === 'overlay' && n.scope === 'swarm'));
    await env.t.log.waitFor('services.changed', (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === created.id && x.networkRefs?.[0]?.id === net.id));

    const networks = await env.call<NetworkSummary[]>('networks.list');
    expect(networks.find((n) => n.id === net.id)).toMatchObject({ name: 'topo_back', driver: 'overlay', scope: 'swarm', ingress: false });
    expect(networks.find((n) => n.ingress)).toMatchObject({ name: 'ingress', driver: 'overlay', scope: 'swarm' });
    await env.call('services.remove', { id: created.id });
  });
});
