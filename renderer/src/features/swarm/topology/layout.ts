import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode, TopologyNodeData } from './graph';

/** Every node of a kind has the same size, so the layout never waits for the DOM to measure. */
export const NODE_SIZE: Record<TopologyNodeData['kind'], { width: number; height: number }> = {
  service: { width: 220, height: 76 },
  network: { width: 190, height: 56 },
  port: { width: 156, height: 44 },
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  /** Top-left corner of each node, absolute. */
  positions: Map<string, { x: number; y: number }>;
  /** The box around each stack's nodes. */
  groups: Map<string, Box>;
}

export const stackGroupId = (stack: string) => `stack:${stack}`;
const GROUP_PAD = { x: 12, top: 26, bottom: 10 };

const PORT_GAP = 8;
const PORT_SPACE = 50;
const ROW_GAP = 18;
const STACK_GAP = GROUP_PAD.top + GROUP_PAD.bottom + 12;
/** A column of services holds at least this many rows before the graph wraps into another column. */
const COLUMN_ROWS = 15;
const COLUMN_GAP = 90;

type Pos = { x: number; y: number };

/**
 * Services → networks, left to right. dagre's layered layout orders services and networks to cut crossings; then
 * the services of a stack are made contiguous (in dagre's order) and packed in one column with their published ports
 * stacked just left of each, and each network is placed beside the services on it. Ports are kept out of dagre: each
 * hangs off one service, and leaving them out keeps the layout several times faster at a few hundred services.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const portsOf = new Map<string, GraphNode[]>();
  const netsOf = new Map<string, string[]>();
  for (const e of edges) {
    const port = byId.get(e.source);
    if (e.kind === 'port' && port) portsOf.set(e.target, [...(portsOf.get(e.target) ?? []), port]);
    else if (e.kind !== 'port') netsOf.set(e.target, [...(netsOf.get(e.target) ?? []), e.source]);
  }
  const heightOf = (n: GraphNode) => Math.max(NODE_SIZE[n.data.kind].height, (portsOf.get(n.id)?.length ?? 0) * (NODE_SIZE.port.height + PORT_GAP) - PORT_GAP);
  const g = new dagre.graphlib.Graph<object, { width: number; height: number; x: number; y: number }, object>({ multigraph: false });
  // The ranks are fixed by the kinds (services, then networks): the cheap ranker finds the same ones.
  g.setGraph({ rankdir: 'LR', ranker: 'longest-path', nodesep: ROW_GAP, ranksep: 90, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) if (n.data.kind !== 'port') g.setNode(n.id, { width: NODE_SIZE[n.data.kind].width, height: heightOf(n), x: 0, y: 0 });
  for (const e of edges) if (e.kind !== 'port') g.setEdge(e.source, e.target);
  dagre.layout(g);
  const dagreY = (id: string) => g.node(id).y;

  const services = nodes.filter((n) => n.data.kind === 'service');
  // Stacks in the order of their first service in dagre's order; unstacked services keep theirs.
  const sorted = [...services].sort((a, b) => dagreY(a.id) - dagreY(b.id));
  const rank = new Map<string, number>();
  sorted.forEach((n, i) => rank.set(n.stack ?? n.id, Math.min(rank.get(n.stack ?? n.id) ?? i, i)));
  sorted.sort((a, b) => (rank.get(a.stack ?? a.id) ?? 0) - (rank.get(b.stack ?? b.id) ?? 0) || dagreY(a.id) - dagreY(b.id));

  // Blocks (a stack, or a service of none) fill columns top to bottom; a big swarm wraps into several columns so the
  // whole graph keeps a screen-like shape instead of one column thousands of pixels high.
  const blocks: GraphNode[][] = [];
  for (const n of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && n.stack !== undefined && last[0]?.stack === n.stack) last.push(n);
    else blocks.push([n]);
  }
  const blockHeight = (b: GraphNode[]) => b.reduce((h, n) => h + heightOf(n), 0) + (b.length - 1) * ROW_GAP;
  const serviceOffset = portsOf.size ? NODE_SIZE.port.width + PORT_SPACE : 0;
  const columnWidth = serviceOffset + NODE_SIZE.service.width + COLUMN_GAP;
  // As many columns as make the whole about as wide as a screen is (16:9); never fewer rows than COLUMN_ROWS.
  const heights = blocks.map(blockHeight);
  const total = heights.reduce((a, b) => a + b, 0) + (blocks.length - 1) * STACK_GAP;
  const columns = Math.max(1, Math.round(Math.sqrt((1.8 * total) / columnWidth)));
  const budget = Math.max(total / columns, COLUMN_ROWS * (NODE_SIZE.service.height + ROW_GAP), ...heights);
  const positions = new Map<string, Pos>();
  let column = 0;
  let y = 8;
  for (const block of blocks) {
    if (y > 8 && y + blockHeight(block) > budget) {
      column += 1;
      y = 8;
    } else if (y > 8) y += STACK_GAP;
    const portX = 8 + column * columnWidth;
    block.forEach((n, i) => {
      if (i > 0) y += ROW_GAP;
      const h = heightOf(n);
      positions.set(n.id, { x: portX + serviceOffset, y: y + (h - NODE_SIZE.service.height) / 2 });
      (portsOf.get(n.id) ?? []).forEach((port, k) => positions.set(port.id, { x: portX, y: y + k * (NODE_SIZE.port.height + PORT_GAP) }));
      y += h;
    });
  }

  // Networks: at the mean height of their services, in that order, pushed down where they would overlap.
  const networkX = 8 + (sorted.length ? column + 1 : 0) * columnWidth + 60;
  const centre = (id: string) => {
    const ys = (netsOf.get(id) ?? []).flatMap((s) => {
      const p = positions.get(s);
      return p ? [p.y + NODE_SIZE.service.height / 2] : [];
    });
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : dagreY(id);
  };
  const networks = nodes.filter((n) => n.data.kind === 'network').map((n) => ({ n, c: centre(n.id) })).sort((a, b) => a.c - b.c);
  let floor = 8;
  for (const { n, c } of networks) {
    const top = Math.max(floor, c - NODE_SIZE.network.height / 2);
    positions.set(n.id, { x: networkX, y: top });
    floor = top + NODE_SIZE.network.height + ROW_GAP;
  }
  return { positions, groups: groupBoxes(nodes, positions) };
}

/** The box around each stack's services and ports (drawn behind them, titled with the stack's name). */
function groupBoxes(nodes: readonly GraphNode[], positions: ReadonlyMap<string, Pos>): Map<string, Box> {
  const bounds = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (!n.stack || !p || n.data.kind === 'network') continue;
    const size = NODE_SIZE[n.data.kind];
    const b = bounds.get(n.stack) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    bounds.set(n.stack, { x0: Math.min(b.x0, p.x), y0: Math.min(b.y0, p.y), x1: Math.max(b.x1, p.x + size.width), y1: Math.max(b.y1, p.y + size.height) });
  }
  const groups = new Map<string, Box>();
  for (const [stack, b] of bounds) {
    groups.set(stack, { x: b.x0 - GROUP_PAD.x, y: b.y0 - GROUP_PAD.top, width: b.x1 - b.x0 + 2 * GROUP_PAD.x, height: b.y1 - b.y0 + GROUP_PAD.top + GROUP_PAD.bottom });
  }
  return groups;
}
