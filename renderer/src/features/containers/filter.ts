import type { ContainerState } from '../../api/contract';
import type { ContainerRow } from '../../stores/selectors';

export type SortKey = 'name' | 'image' | 'state' | 'created' | 'project';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}
export interface ContainerFilter {
  query: string;
  state: ContainerState | 'all';
  /** Exact image reference as listed; '' = any. */
  image?: string;
  /** "key" (label present) or "key=value"; '' = any. */
  label?: string;
  /** Compose project; '' = any, NO_PROJECT = containers outside any project. */
  project?: string;
}

export const NO_PROJECT = '(none)';

/** Whether a container's labels satisfy "key" or "key=value". */
export function labelMatches(labels: Record<string, string> | undefined, wanted: string): boolean {
  const eq = wanted.indexOf('=');
  const key = (eq < 0 ? wanted : wanted.slice(0, eq)).trim();
  if (!key) return true;
  if (!labels || !(key in labels)) return false;
  return eq < 0 || labels[key] === wanted.slice(eq + 1);
}

export function filterRows(
  rows: ContainerRow[],
  { query, state, image = '', label = '', project = '' }: ContainerFilter,
  labelsOf: (id: string) => Record<string, string> | undefined = () => undefined,
): ContainerRow[] {
  const q = query.trim().toLowerCase();
  if (!q && state === 'all' && !image && !label.trim() && !project) return rows;
  return rows.filter(
    (r) =>
      (state === 'all' || r.state === state) &&
      (!image || r.image === image) &&
      (!project || (project === NO_PROJECT ? r.project === '' : r.project === project)) &&
      (!label.trim() || labelMatches(labelsOf(r.id), label)) &&
      (!q ||
        r.name.toLowerCase().includes(q) ||
        r.image.toLowerCase().includes(q) ||
        r.project.toLowerCase().includes(q)),
  );
}

/** The filter (and grouping) in the hash query, e.g. #/containers/?state=running&label=tier%3Dweb&group=1. */
export function filterFromHash(hash: string): { filter: ContainerFilter; grouped: boolean } {
  const q = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const state = q.get('state') ?? 'all';
  const states: string[] = [
    'all',
    'created',
    'running',
    'paused',
    'restarting',
    'removing',
    'exited',
    'dead',
  ];
  return {
    filter: {
      query: q.get('q') ?? '',
      state: (states.includes(state) ? state : 'all') as ContainerFilter['state'],
      image: q.get('image') ?? '',
      label: q.get('label') ?? '',
      project: q.get('project') ?? '',
    },
    grouped: q.get('group') === '1',
  };
}

export function hashWithFilter(hash: string, filter: ContainerFilter, grouped: boolean): string {
  const base = (hash.includes('?') ? hash.slice(0, hash.indexOf('?')) : hash) || '#/containers';
  const q = new URLSearchParams();
  if (filter.query) q.set('q', filter.query);
  if (filter.state !== 'all') q.set('state', filter.state);
  if (filter.image) q.set('image', filter.image);
  if (filter.label) q.set('label', filter.label);
  if (filter.project) q.set('project', filter.project);
  if (grouped) q.set('group', '1');
  const query = q.toString();
  const path = base.endsWith('/') ? base : `${base}/`;
  return query ? `${path}?${query}` : base.replace(/\/$/, '');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortRows(rows: ContainerRow[], { key, direction }: Sort): ContainerRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: ContainerRow, b: ContainerRow): number => {
    const primary = key === 'created' ? a.created - b.created : collator.compare(a[key], b[key]);
    // Ties fall back to the name so the order is stable as events arrive.
    return primary !== 0 ? primary * sign : collator.compare(a.name, b.name);
  };
  return [...rows].sort(compare);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "just now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}
