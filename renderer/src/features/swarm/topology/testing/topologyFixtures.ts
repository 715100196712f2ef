import type { NetworkSummary, SwarmServiceSummary } from '../../../../api/contract';
import { network } from '../../../../testing/fixtures';
import { swarmService } from '../../testing/fixtures';

export const overlay = (name: string, overrides: Partial<NetworkSummary> = {}): NetworkSummary =>
  network(name, { driver: 'overlay', scope: 'swarm', ...overrides });

/** A service on the given overlay networks (by fixture name), with aliases per network if given. */
export function onNetworks(name: string, nets: (string | [string, string[]])[], overrides: Partial<SwarmServiceSummary> = {}): SwarmServiceSummary {
  const refs = nets.map((n) => (typeof n === 'string' ? { id: `${n}-id`, name: n, aliases: [] } : { id: `${n[0]}-id`, name: n[0], aliases: n[1] }));
  return swarmService(name, { networks: refs.map((r) => r.name), networkRefs: refs, ports: [], ...overrides });
}

/** Shop (web + api on front/back, web publishing 8080 through the mesh), a lone cache with a host-mode port. */
export function shopSwarm(): { services: SwarmServiceSummary[]; networks: NetworkSummary[] } {
  return {
    networks: [
      overlay('ingress', { ingress: true }),
      overlay('shop_front', { labels: { 'com.docker.stack.namespace': 'shop' } }),
      overlay('shop_back', { labels: { 'com.docker.stack.namespace': 'shop' } }),
      network('bridge'),
    ],
    services: [
      onNetworks('shop_web', ['shop_front'], { stack: 'shop', image: 'registry.local:5000/team/web:2@sha256:aa', ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }] }),
      onNetworks('shop_api', ['shop_front', ['shop_back', ['api']]], { stack: 'shop', image: 'team/api:1', running: 1, desired: 2 }),
      onNetworks('cache', ['shop_back'], { mode: 'global', replicas: undefined, image: 'redis:7', running: 3, desired: 3, ports: [{ target: 6379, published: 6379, protocol: 'tcp', mode: 'host' }] }),
    ],
  };
}

/** A big swarm for the layout's timing: `services` services in 10 stacks over `networks` overlay networks. */
export function bigSwarm(services: number, networks: number): { services: SwarmServiceSummary[]; networks: NetworkSummary[] } {
  const nets = Array.from({ length: networks }, (_, i) => overlay(`net${i}`, i === 0 ? { ingress: true } : {}));
  const list = Array.from({ length: services }, (_, i) =>
    onNetworks(`svc${i}`, [`net${1 + (i % (networks - 1))}`, `net${1 + ((i * 7) % (networks - 1))}`].filter((n, k, a) => a.indexOf(n) === k), {
      ...(i % 4 ? { stack: `stack${i % 10}` } : {}),
      ports: i % 3 ? [] : [{ target: 80, published: 10000 + i, protocol: 'tcp', mode: 'ingress' }],
    }),
  );
  return { services: list, networks: nets };
}
