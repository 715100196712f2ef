import type { NetworkSummary, ServiceMode, ServicePort, SwarmServiceSummary } from '../../../api/contract';

/** What the topology shows: one stack (null: all) and a search over names, images, networks and ports. */
export interface TopologyFilter {
  stack: string | null;
  query: string;
}
export const noTopologyFilter: TopologyFilter = { stack: null, query: '' };

export interface ServiceNodeData {
  kind: 'service';
  serviceId: string;
  name: string;
  /** The image without registry host and digest, e.g. "team/api:2". */
  image: string;
  mode: ServiceMode;
  running: number;
  desired: number;
  stack?: string;
  [k: string]: unknown;
}

export interface NetworkNodeData {
  kind: 'network';
  networkId: string;
  name: string;
  /** Unknown when the networks list does not hold it (yet). */
  driver?: string;
  scope?: string;
  ingress: boolean;
  [k: string]: unknown;
}

export interface PortNodeData {
  kind: 'port';
  serviceId: string;
  serviceName: string;
  published: number;
  target: number;
  protocol: ServicePort['protocol'];
  mode: ServicePort['mode'];
  [k: string]: unknown;
}

export type TopologyNodeData = ServiceNodeData | NetworkNodeData | PortNodeData;

export interface GraphNode {
  /** Stable across updates: `service:<id>`, `network:<id>`, `port:<service id>:<published>/<protocol>`. */
  id: string;
  data: TopologyNodeData;
  /** The stack group the node is drawn in, if any. */
  stack?: string;
  label: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** 'mesh': the service is on the ingress network because it publishes a port through the routing mesh. */
  kind: 'network' | 'port' | 'mesh';
  label: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  stacks: string[];
}

export const serviceNodeId = (id: string) => `service:${id}`;
export const networkNodeId = (id: string) => `network:${id}`;
export const portNodeId = (serviceId: string, p: { published: number; protocol: string }) => `port:${serviceId}:${p.published}/${p.protocol}`;

/** "registry.local:5000/team/api:2@sha256:…" → "team/api:2". */
export function shortImage(image: string): string {
  const name = image.split('@')[0] ?? image;
  const parts = name.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return (hasHost ? parts.slice(1) : parts).join('/').replace(/^library\//, '');
}

/** Running/desired as the node badge words it. */
export const tasksText = (d: Pick<ServiceNodeData, 'running' | 'desired'>) => `${d.running}/${d.desired}`;
export const portLabel = (p: Pick<PortNodeData, 'published' | 'target' | 'protocol' | 'mode'>) =>
  `port ${p.published}/${p.protocol} to ${p.target}, ${p.mode === 'host' ? 'host mode' : 'routing mesh'}`;

function matches(s: SwarmServiceSummary, q: string): boolean {
  if (!q) return true;
  const words = [s.name, s.image, s.stack ?? '', ...s.networks, ...s.ports.map((p) => `${p.published ?? ''}:${p.target}/${p.protocol}`)];
  return words.some((w) => w.toLowerCase().includes(q));
}

const refsOf = (s: SwarmServiceSummary) => s.networkRefs ?? s.networks.map((n) => ({ id: n, name: n, aliases: [] }));
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Services, networks and published ports → nodes and edges (ports → services → networks). Networks are those the
 * shown services attach to (and, unfiltered, the swarm's other overlay networks); the ingress network appears
 * when a shown service publishes through the routing mesh. The order is sorted, so the same input is the same graph.
 */
export function buildGraph(services: readonly SwarmServiceSummary[], networks: readonly NetworkSummary[], filter: TopologyFilter): Graph {
  const q = filter.query.trim().toLowerCase();
  const stacks = [...new Set(services.flatMap((s) => (s.stack ? [s.stack] : [])))].sort();
  const shown = services.filter((s) => (filter.stack === null || s.stack === filter.stack) && matches(s, q)).sort(byName);
  const known = new Map(networks.map((n) => [n.id, n]));
  const ingress = networks.find((n) => n.ingress);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const netNodes = new Map<string, GraphNode & { data: NetworkNodeData }>();

  const addNetwork = (id: string, name: string) => {
    if (netNodes.has(id)) return;
    const n = known.get(id);
    const data: NetworkNodeData = { kind: 'network', networkId: id, name: n?.name ?? name, ingress: n?.ingress ?? false, ...(n ? { driver: n.driver, scope: n.scope } : {}) };
    const stack = n?.labels['com.docker.stack.namespace'];
    const label = `network ${data.name}${data.ingress ? ', ingress (routing mesh)' : ''}${data.driver ? `, ${data.driver} driver` : ''}`;
    netNodes.set(id, { id: networkNodeId(id), data, label, ...(stack ? { stack } : {}) });
  };

  for (const s of shown) {
    const id = serviceNodeId(s.id);
    const image = shortImage(s.image);
    const data: ServiceNodeData = { kind: 'service', serviceId: s.id, name: s.name, image, mode: s.mode, running: s.running, desired: s.desired, ...(s.stack ? { stack: s.stack } : {}) };
    // What a screen reader says for the node: the facts, then where it is connected (edges are not focusable).
    const nets = refsOf(s).map((r) => r.name);
    const pubs = s.ports.flatMap((p) => (p.published === undefined ? [] : [`${p.published}/${p.protocol}`]));
    const links = `${nets.length ? `, on ${nets.join(', ')}` : ''}${pubs.length ? `, publishes ${pubs.join(', ')}` : ''}`;
    nodes.push({ id, data, label: `service ${s.name}, ${image}, ${s.mode}, ${s.running} of ${s.desired} tasks running${links}`, ...(s.stack ? { stack: s.stack } : {}) });
    for (const ref of refsOf(s)) {
      addNetwork(ref.id, ref.name);
      const aliases = ref.aliases.length ? ` as ${ref.aliases.join(', ')}` : '';
      edges.push({ id: `${id}->${networkNodeId(ref.id)}`, source: id, target: networkNodeId(ref.id), kind: 'network', label: `${s.name} on network ${ref.name}${aliases}` });
    }
    const published = s.ports.filter((p): p is ServicePort & { published: number } => p.published !== undefined);
    const seen = new Set<string>();
    for (const p of published) {
      const pid = portNodeId(s.id, p);
      if (seen.has(pid)) continue;
      seen.add(pid);
      const pdata: PortNodeData = { kind: 'port', serviceId: s.id, serviceName: s.name, published: p.published, target: p.target, protocol: p.protocol, mode: p.mode };
      nodes.push({ id: pid, data: pdata, label: `${portLabel(pdata)} of service ${s.name}`, ...(s.stack ? { stack: s.stack } : {}) });
      edges.push({ id: `${pid}->${id}`, source: pid, target: id, kind: 'port', label: `${p.published}/${p.protocol} reaches ${s.name} on ${p.target}` });
    }
    if (ingress && published.some((p) => p.mode === 'ingress') && !refsOf(s).some((r) => r.id === ingress.id)) {
      addNetwork(ingress.id, ingress.name);
      edges.push({ id: `${id}->${networkNodeId(ingress.id)}`, source: id, target: networkNodeId(ingress.id), kind: 'mesh', label: `${s.name} publishes through the routing mesh` });
    }
  }
  if (filter.stack === null && !q) {
    for (const n of networks) if (n.scope === 'swarm' && !n.ingress) addNetwork(n.id, n.name);
  }
  nodes.push(...[...netNodes.values()].sort((a, b) => a.data.name.localeCompare(b.data.name)));
  return { nodes, edges, stacks };
}

/** Nodes and edges by ID only: what the layout depends on. Data changes (running counts, images) keep it. */
export const shapeKey = (g: Pick<Graph, 'nodes' | 'edges'>): string =>
  `${g.nodes.map((n) => `${n.id}@${n.stack ?? ''}`).join('|')}#${g.edges.map((e) => e.id).join('|')}`;
