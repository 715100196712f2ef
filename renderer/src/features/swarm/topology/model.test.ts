import { describe, expect, it } from 'vitest';
import { buildGraph, noTopologyFilter, shapeKey, shortImage } from './graph';
import { NODE_SIZE } from './layout';
import { createTopology } from './model';
import { tasksColour } from './TopologyNodes';
import { bigSwarm, onNetworks, shopSwarm } from './testing/topologyFixtures';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('topology graph', () => {
  it('turns services, networks and published ports into nodes and edges with stable IDs', () => {
    const { services, networks } = shopSwarm();
    const g = buildGraph(services, networks, noTopologyFilter);
    expect(ids(g.nodes)).toEqual([
      'service:cache-id',
      'port:cache-id:6379/tcp',
      'service:shop_api-id',
      'service:shop_web-id',
      'port:shop_web-id:8080/tcp',
      'network:ingress-id',
      'network:shop_back-id',
      'network:shop_front-id',
    ]);
    expect(g.edges.map((e) => `${e.source} ${e.kind} ${e.target}`)).toEqual([
      'service:cache-id network network:shop_back-id',
      'port:cache-id:6379/tcp port service:cache-id',
      'service:shop_api-id network network:shop_front-id',
      'service:shop_api-id network network:shop_back-id',
      'service:shop_web-id network network:shop_front-id',
      'port:shop_web-id:8080/tcp port service:shop_web-id',
      // web publishes through the routing mesh, so it is on the ingress network too; the local bridge is not shown.
      'service:shop_web-id mesh network:ingress-id',
    ]);
    expect(g.stacks).toEqual(['shop']);
    const web = g.nodes.find((n) => n.id === 'service:shop_web-id');
    expect(web).toMatchObject({ stack: 'shop', data: { kind: 'service', image: 'team/web:2', running: 3, desired: 3, mode: 'replicated' } });
    expect(web?.label).toBe('service shop_web, team/web:2, replicated, 3 of 3 tasks running, on shop_front, publishes 8080/tcp');
    expect(g.nodes.find((n) => n.id === 'network:ingress-id')).toMatchObject({ data: { ingress: true, driver: 'overlay', scope: 'swarm' }, label: 'network ingress, ingress (routing mesh), overlay driver' });
    expect(g.nodes.find((n) => n.id === 'port:cache-id:6379/tcp')).toMatchObject({ data: { published: 6379, target: 6379, mode: 'host' } });
    expect(g.edges.find((e) => e.source === 'service:shop_api-id' && e.target === 'network:shop_back-id')?.label).toBe('shop_api on network shop_back as api');
    // A network the networks list does not know (yet) is still drawn, from the service's reference.
    const lone = buildGraph([onNetworks('x', ['ghost'])], [], noTopologyFilter);
    expect(lone.nodes[1]).toMatchObject({ id: 'network:ghost-id', data: { name: 'ghost', ingress: false } });
    expect(lone.nodes[1]?.data.driver).toBeUndefined();
  });

  it('filters by stack and by a search over names, images, networks and ports', () => {
    const { services, networks } = shopSwarm();
    expect(ids(buildGraph(services, networks, { stack: 'shop', query: '' }).nodes)).toEqual([
      'service:shop_api-id',
      'service:shop_web-id',
      'port:shop_web-id:8080/tcp',
      'network:ingress-id',
      'network:shop_back-id',
      'network:shop_front-id',
    ]);
    expect(ids(buildGraph(services, networks, { stack: null, query: 'REDIS' }).nodes)).toEqual(['service:cache-id', 'port:cache-id:6379/tcp', 'network:shop_back-id']);
    expect(ids(buildGraph(services, networks, { stack: null, query: '8080' }).nodes)[0]).toBe('service:shop_web-id');
    expect(buildGraph(services, networks, { stack: null, query: 'nothing-like-this' }).nodes).toEqual([]);
  });

  it('colours running/desired: all running, some, none, none wanted', () => {
    expect(tasksColour({ running: 3, desired: 3 })).toBe('success');
    expect(tasksColour({ running: 1, desired: 3 })).toBe('warning');
    expect(tasksColour({ running: 0, desired: 3 })).toBe('error');
    expect(tasksColour({ running: 0, desired: 0 })).toBe('default');
  });

  it('shortens images to repository and tag', () => {
    expect(shortImage('registry.local:5000/team/api:2@sha256:abc')).toBe('team/api:2');
    expect(shortImage('docker.io/library/nginx:1.27')).toBe('nginx:1.27');
    expect(shortImage('localhost/x')).toBe('x');
    expect(shortImage('team/api')).toBe('team/api');
  });
});

describe('topology layout and live updates', () => {
  const overlaps = (a: { x: number; y: number }, sa: { width: number; height: number }, b: { x: number; y: number }, sb: { width: number; height: number }) =>
    a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height;

  it('lays out ports → services → networks without overlaps, a stack box around its services', () => {
    const { services, networks } = shopSwarm();
    const v = createTopology().view(services, networks, noTopologyFilter);
    const at = (id: string) => v.nodes.find((n) => n.id === id)?.position ?? { x: NaN, y: NaN };
    expect(at('port:shop_web-id:8080/tcp').x).toBeLessThan(at('service:shop_web-id').x);
    expect(at('service:shop_web-id').x).toBeLessThan(at('network:shop_front-id').x);
    const real = v.nodes.filter((n) => n.type !== 'stack');
    for (const a of real) for (const b of real) if (a !== b) expect(overlaps(a.position, a as never, b.position, b as never), `${a.id} overlaps ${b.id}`).toBe(false);
    const box = v.nodes.find((n) => n.id === 'stack:shop');
    expect(box).toMatchObject({ type: 'stack', data: { name: 'shop' }, zIndex: -1 });
    for (const id of ['service:shop_web-id', 'service:shop_api-id', 'port:shop_web-id:8080/tcp']) {
      const p = at(id);
      expect(box && p.x >= box.position.x && p.y >= box.position.y && p.y < box.position.y + (box.height ?? 0)).toBe(true);
    }
    expect(overlaps(at('service:cache-id'), NODE_SIZE.service, box?.position ?? { x: 0, y: 0 }, box as never)).toBe(false);
    expect(v.nodes.find((n) => n.id === 'service:shop_web-id')).toMatchObject({ ariaRole: 'button', ariaLabel: expect.stringContaining('shop_web') as unknown });
  });

  it('keeps every position on data changes (replicas) and reuses unchanged nodes; relayouts on shape changes', () => {
    const { services, networks } = shopSwarm();
    const t = createTopology();
    const first = t.view(services, networks, noTopologyFilter);
    expect(t.layouts).toBe(1);
    const scaled = services.map((s) => (s.name === 'shop_api' ? { ...s, running: 2, desired: 5, replicas: 5 } : s));
    const second = t.view(scaled, networks, noTopologyFilter);
    expect(t.layouts).toBe(1);
    expect(second.shape).toBe(first.shape);
    expect(second.edges).toBe(first.edges);
    second.nodes.forEach((n, i) => {
      expect(n.position).toEqual(first.nodes[i]?.position);
      if (n.id === 'service:shop_api-id') expect(n).not.toBe(first.nodes[i]);
      else expect(n).toBe(first.nodes[i]);
    });
    expect(second.nodes.find((n) => n.id === 'service:shop_api-id')?.data).toMatchObject({ running: 2, desired: 5 });

    const grown = t.view([...scaled, onNetworks('worker', ['shop_back'])], networks, noTopologyFilter);
    expect(t.layouts).toBe(2);
    expect(grown.shape).not.toBe(first.shape);
    expect(grown.nodes.some((n) => n.id === 'service:worker-id')).toBe(true);
    // A new alias changes an edge's label only: no new layout either, but the edge says it.
    const aliased = t.view([...scaled, onNetworks('worker', [['shop_back', ['w']]])], networks, noTopologyFilter);
    expect(t.layouts).toBe(2);
    expect(aliased.edges.find((e) => e.id === 'service:worker-id->network:shop_back-id')?.ariaLabel).toBe('worker on network shop_back as w');
    expect(shapeKey(buildGraph(scaled, networks, noTopologyFilter))).toBe(first.shape);
  });

  it('lays out 200 services on 30 networks in well under a second', () => {
    const { services, networks } = bigSwarm(200, 30);
    const start = performance.now();
    const v = createTopology().view(services, networks, noTopologyFilter);
    const ms = performance.now() - start;
    expect(v.services).toBe(200);
    expect(v.networks).toBe(30);
    expect(v.ports).toBe(67);
    // Generous on a shared 2-core machine; bench/topology.bench.ts prints the real figure.
    expect(ms).toBeLessThan(3000);
    const stacks = v.nodes.filter((n) => n.type === 'stack');
    expect(stacks).toHaveLength(10);
    for (const a of stacks) for (const b of stacks) if (a !== b) expect(overlaps(a.position, a as never, b.position, b as never)).toBe(false);
    const real = v.nodes.filter((n) => n.type !== 'stack');
    const clash = real.flatMap((a, i) => real.slice(i + 1).filter((b) => overlaps(a.position, a as never, b.position, b as never)).map((b) => `${a.id}/${b.id}`));
    expect(clash).toEqual([]);
    // Wrapped into columns: about as wide as a screen, not one column 20,000 px high.
    const right = Math.max(...real.map((n) => n.position.x + (n.width ?? 0)));
    const bottom = Math.max(...real.map((n) => n.position.y + (n.height ?? 0)));
    expect(right / bottom).toBeGreaterThan(1);
    expect(right / bottom).toBeLessThan(4);
  });
});
