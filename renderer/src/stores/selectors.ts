import type {
  BerthErrorData,
  ContainerAction,
  ContainerState,
  ContainerSummary,
  EngineStatus,
  PortMapping,
  TransportState,
} from '../api/contract';
import type { ContainerActionFailure } from '../features/containers/containersList';
import type { BerthState } from './types';

// DTO → view model mapping lives here, in one place; components render view models only.

export type StateTone = 'success' | 'warning' | 'error' | 'info' | 'default';

export interface PortView {
  key: string;
  label: string;
  /** Set for published TCP ports: where a browser reaches the service. */
  url?: string;
}

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  stateTone: StateTone;
  status: string;
  ports: PortView[];
  /** Milliseconds since epoch. */
  created: number;
  project: string;
  pendingAction?: ContainerAction;
  failure?: ContainerActionFailure;
}

const stateTones: Record<ContainerState, StateTone> = {
  running: 'success',
  paused: 'warning',
  restarting: 'info',
  created: 'default',
  removing: 'info',
  exited: 'default',
  dead: 'error',
};

export function toPortViews(ports: PortMapping[]): PortView[] {
  const seen = new Set<string>();
  const views: PortView[] = [];
  // Published ports first; the engine lists IPv4 and IPv6 bindings of one port separately: show it once.
  const ordered = [...ports].sort((a, b) => (b.publicPort ?? 0) - (a.publicPort ?? 0) || a.privatePort - b.privatePort);
  for (const p of ordered) {
    const label = p.publicPort
      ? `${p.publicPort}→${p.privatePort}/${p.protocol}`
      : `${p.privatePort}/${p.protocol}`;
    if (seen.has(label)) continue;
    seen.add(label);
    const url = p.publicPort && p.protocol === 'tcp' ? `http://localhost:${p.publicPort}` : undefined;
    views.push(url ? { key: label, label, url } : { key: label, label });
  }
  return views;
}

export function toContainerRow(c: ContainerSummary, pending?: ContainerAction, failure?: ContainerActionFailure): ContainerRow {
  const row: ContainerRow = {
    id: c.id,
    name: c.name,
    image: c.image,
    state: c.state,
    stateTone: stateTones[c.state],
    status: c.status,
    ports: toPortViews(c.ports),
    created: c.created * 1000,
    project: c.composeProject ?? '',
  };
  if (pending) row.pendingAction = pending;
  if (failure) row.failure = failure;
  return row;
}

/** Memoized on the three records it reads, so components get a stable array between unrelated updates. */
export const selectContainerRows = (() => {
  let last: { c: unknown; p: unknown; e: unknown; rows: ContainerRow[] } | null = null;
  return (s: BerthState): ContainerRow[] => {
    const { items, pending, errors } = s.containers;
    if (last && last.c === items && last.p === pending && last.e === errors) return last.rows;
    const rows = Object.values(items).map((c) => toContainerRow(c, pending[c.id], errors[c.id]));
    last = { c: items, p: pending, e: errors, rows };
    return rows;
  };
})();

export type EngineTone = 'success' | 'warning' | 'error' | 'info';

export interface EngineSummary {
  tone: EngineTone;
  /** Short text for the app bar. */
  label: string;
  /** Which engine, when known. */
  engineLabel?: string;
  error?: BerthErrorData | EngineStatus['error'];
  /** While unreachable: when the next attempt is due (ms since epoch). */
  nextAttemptAt?: number;
}

const productName = (status: EngineStatus): string => {
  const product = status.version?.product;
  if (product === 'podman') return 'Podman';
  if (product === 'docker') return 'Docker';
  return status.engine?.label ?? 'Engine';
};

/** What the always-visible engine indicator says, from the backend link state and the engine status. */
export function summarizeEngine(status: EngineStatus | null, transport: TransportState): EngineSummary {
  if (transport !== 'open') {
    return transport === 'closed'
      ? { tone: 'error', label: 'Berth backend disconnected, reconnecting…' }
      : { tone: 'info', label: 'Connecting to Berth…' };
  }
  if (!status) return { tone: 'info', label: 'Checking engine…' };
  const engineLabel = status.engine?.label;
  const base = engineLabel ? { engineLabel } : {};
  switch (status.state) {
    case 'connected':
      return { ...base, tone: 'success', label: `${productName(status)} ${status.version?.version ?? ''}`.trim() };
    case 'connecting':
      return { ...base, tone: 'info', label: `Connecting to ${engineLabel ?? 'engine'}…` };
    case 'starting':
      return { ...base, tone: 'info', label: `Starting ${engineLabel ?? 'engine'}…` };
    case 'unreachable': {
      const summary: EngineSummary = { ...base, tone: 'error', label: 'Engine unreachable' };
      if (status.error) summary.error = status.error;
      if (status.reconnect) summary.nextAttemptAt = status.reconnect.nextAttemptAt;
      return summary;
    }
    case 'not-installed':
      return { ...base, tone: 'warning', label: 'No container engine installed' };
    case 'stopped':
    case 'idle':
      return { ...base, tone: 'warning', label: 'Engine stopped' };
  }
}

/** "retrying in 4s" while the engine is unreachable and a next attempt is scheduled. */
export function retryText(nextAttemptAt: number | undefined, now: number): string | null {
  if (nextAttemptAt === undefined) return null;
  const seconds = Math.ceil((nextAttemptAt - now) / 1000);
  return seconds > 0 ? `retrying in ${seconds}s` : 'retrying now';
}
