import type { SwarmNode, SwarmServiceSummary, SwarmTask } from '../../../api/contract';
import { isFailed, taskName } from '../visualizer/model';

/** Failures older than this are history, not health. */
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
/** Failures listed at most (the newest). */
export const MAX_FAILURES = 10;

export const nodeHref = (id: string): string => `#/swarm/nodes/${encodeURIComponent(id)}`;
export const serviceHref = (id: string): string => `#/swarm/services/${encodeURIComponent(id)}`;

export interface HealthItem {
  key: string;
  severity: 'error' | 'warning';
  /** The thing's name, the link text. */
  name: string;
  href: string;
  text: string;
  /** Milliseconds since epoch, for failures. */
  at?: number;
}

export interface Health {
  nodes: HealthItem[];
  services: HealthItem[];
  failures: HealthItem[];
  counts: { nodes: number; services: number };
}

function nodeItems(nodes: SwarmNode[]): HealthItem[] {
  const items: HealthItem[] = [];
  for (const n of nodes) {
    const base = { name: n.hostname, href: nodeHref(n.id) };
    if (n.state !== 'ready') {
      items.push({ ...base, key: `node:${n.id}`, severity: 'error', text: `is ${n.state}${n.message ? `: ${n.message}` : ''}` });
    } else if (n.reachability === 'unreachable') {
      items.push({ ...base, key: `node:${n.id}`, severity: 'error', text: 'is a manager the other managers cannot reach' });
    }
  }
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

const updateText: Partial<Record<NonNullable<SwarmServiceSummary['update']>['state'], string>> = {
  updating: 'is updating',
  paused: 'update paused',
  rollback_started: 'is rolling back',
  rollback_paused: 'rollback paused',
};

function serviceItems(services: SwarmServiceSummary[]): HealthItem[] {
  const items: HealthItem[] = [];
  for (const s of services) {
    const problems: string[] = [];
    const update = s.update ? updateText[s.update.state] : undefined;
    if (s.running < s.desired) problems.push(`${s.running} of ${s.desired} running`);
    if (update) problems.push(`${update}${s.update?.message ? `: ${s.update.message}` : ''}`);
    if (problems.length === 0) continue;
    const paused = s.update?.state === 'paused' || s.update?.state === 'rollback_paused';
    items.push({
      key: `service:${s.id}`,
      severity: paused || s.running === 0 ? 'error' : 'warning',
      name: s.name,
      href: serviceHref(s.id),
      text: problems.join(' · '),
    });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

function failureItems(tasks: SwarmTask[], nodes: Record<string, SwarmNode>, now: number): HealthItem[] {
  return tasks
    .filter((t) => isFailed(t.state) && (t.stateSince ?? 0) >= now - FAILURE_WINDOW_MS)
    .sort((a, b) => (b.stateSince ?? 0) - (a.stateSince ?? 0))
    .slice(0, MAX_FAILURES)
    .map((t) => {
      const node = t.nodeId ? (nodes[t.nodeId]?.hostname ?? t.nodeId.slice(0, 12)) : undefined;
      const item: HealthItem = {
        key: `task:${t.id}`,
        severity: 'error',
        name: taskName(t),
        href: serviceHref(t.serviceId),
        text: `${t.state}${node ? ` on ${node}` : ''}: ${t.error ?? t.message ?? 'no error given'}${t.exitCode ? ` (exit code ${t.exitCode})` : ''}`,
      };
      if (t.stateSince !== undefined) item.at = t.stateSince;
      return item;
    });
}

/** What needs attention in the swarm: nodes down or unreachable, services not converged, recent task failures. */
export function swarmHealth(
  nodes: Record<string, SwarmNode>,
  services: Record<string, SwarmServiceSummary>,
  tasks: Record<string, SwarmTask>,
  now: number,
): Health {
  const nodeList = Object.values(nodes);
  const serviceList = Object.values(services);
  return {
    nodes: nodeItems(nodeList),
    services: serviceItems(serviceList),
    failures: failureItems(Object.values(tasks), nodes, now),
    counts: { nodes: nodeList.length, services: serviceList.length },
  };
}
