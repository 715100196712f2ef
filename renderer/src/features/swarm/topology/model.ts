import type { Edge, Node } from '@xyflow/react';
import type { NetworkSummary, SwarmServiceSummary } from '../../../api/contract';
import { buildGraph, shapeKey, type TopologyFilter, type TopologyNodeData } from './graph';
import { layoutGraph, NODE_SIZE, stackGroupId, type Layout } from './layout';

export interface StackGroupData {
  kind: 'stack';
  name: string;
  [k: string]: unknown;
}

export type TopologyFlowNode = Node<TopologyNodeData, TopologyNodeData['kind']> | Node<StackGroupData, 'stack'>;
export type TopologyFlowEdge = Edge<{ kind: 'network' | 'port' | 'mesh' }>;

export interface TopologyView {
  nodes: TopologyFlowNode[];
  edges: TopologyFlowEdge[];
  /** Every stack of the services (for the filter), sorted. */
  stacks: string[];
  services: number;
  networks: number;
  ports: number;
  /** Changes only when the graph's shape does (a node or edge came or went), not on data changes. */
  shape: string;
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * The topology's model: services, networks and ports → React Flow nodes and edges with an automatic layout. The
 * layout runs only when the graph's shape changes; otherwise every node keeps its position, and a node whose data
 * did not change is the same object as before, so memoized node views re-render only where something changed
 * (a replica count moves nothing and redraws one node).
 */
export function createTopology() {
  let shape: string | undefined;
  let layout: Layout = { positions: new Map(), groups: new Map() };
  let previous = new Map<string, TopologyFlowNode>();
  let edges: TopologyFlowEdge[] = [];
  let edgeLabels: string | undefined;
  let layouts = 0;

  function view(services: readonly SwarmServiceSummary[], networks: readonly NetworkSummary[], filter: TopologyFilter): TopologyView {
    const graph = buildGraph(services, networks, filter);
    const key = shapeKey(graph);
    if (key !== shape) {
      shape = key;
      layout = layoutGraph(graph.nodes, graph.edges);
      layouts += 1;
    }
    // Edge labels (aliases) can change without the shape: rebuild the edges then, but not on every update.
    const labels = graph.edges.map((e) => e.label).join('\n');
    if (labels !== edgeLabels || edges.length !== graph.edges.length) {
      edgeLabels = labels;
      edges = graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ariaLabel: e.label,
        focusable: false,
        selectable: false,
        data: { kind: e.kind },
        ...(e.kind === 'mesh' ? { style: { strokeDasharray: '5 4' } } : {}),
      }));
    }
    const next = new Map<string, TopologyFlowNode>();
    const nodes: TopologyFlowNode[] = [];
    // Stack boxes first: React Flow draws nodes in order, so they stay behind the services.
    for (const [name, box] of layout.groups) {
      const id = stackGroupId(name);
      const old = previous.get(id);
      const node: TopologyFlowNode =
        old?.type === 'stack' && old.position.x === box.x && old.position.y === box.y && old.width === box.width && old.height === box.height
          ? old
          : { id, type: 'stack', position: { x: box.x, y: box.y }, width: box.width, height: box.height, data: { kind: 'stack', name }, selectable: false, focusable: false, draggable: false, zIndex: -1 };
      next.set(id, node);
      nodes.push(node);
    }
    for (const n of graph.nodes) {
      const position = layout.positions.get(n.id) ?? { x: 0, y: 0 };
      const old = previous.get(n.id);
      const node =
        old && old.type === n.data.kind && old.ariaLabel === n.label && old.position === position && sameData(old.data, n.data)
          ? old
          : ({ id: n.id, type: n.data.kind, position, ...NODE_SIZE[n.data.kind], data: n.data, ariaLabel: n.label, ariaRole: 'button', draggable: false, connectable: false } as TopologyFlowNode);
      next.set(n.id, node);
      nodes.push(node);
    }
    previous = next;
    const count = (kind: TopologyNodeData['kind']) => graph.nodes.filter((n) => n.data.kind === kind).length;
    return { nodes, edges, stacks: graph.stacks, services: count('service'), networks: count('network'), ports: count('port'), shape: key };
  }

  return {
    view,
    /** How many times the layout ran (tests and the bench read it). */
    get layouts() {
      return layouts;
    },
  };
}
