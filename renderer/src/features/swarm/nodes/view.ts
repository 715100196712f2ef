import type { SwarmNode } from '../../../api/contract';
import { sortBy, type Sort } from '../../../components/grid/sort';

export type NodeSortKey =
  'hostname' | 'role' | 'availability' | 'state' | 'engine' | 'cpus' | 'memory' | 'address';

export const labelText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => (v ? `${k}=${v}` : k))
    .join(', ');

export function filterNodes(nodes: SwarmNode[], query: string): SwarmNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return nodes;
  return nodes.filter((n) =>
    [n.hostname, n.id, n.role, n.availability, n.state, n.addr ?? '', labelText(n.labels)].some((v) =>
      v.toLowerCase().includes(q),
    ),
  );
}

export function sortNodes(nodes: SwarmNode[], sort: Sort<NodeSortKey>): SwarmNode[] {
  return sortBy(
    nodes,
    sort,
    (n, key) => {
      switch (key) {
        case 'engine':
          return n.engineVersion ?? '';
        case 'cpus':
          return n.cpus ?? 0;
        case 'memory':
          return n.memoryBytes ?? 0;
        case 'address':
          return n.addr ?? '';
        case 'role':
          return n.role === 'manager' ? (n.leader ? 0 : 1) : 2;
        default:
          return n[key];
      }
    },
    (n) => n.hostname,
  );
}

/** A manager that is the only reachable one, or a leader, needs care: demoting or removing it hurts the quorum. */
export function reachableManagers(nodes: SwarmNode[]): number {
  return nodes.filter((n) => n.role === 'manager' && n.reachability !== 'unreachable' && n.state !== 'down')
    .length;
}
