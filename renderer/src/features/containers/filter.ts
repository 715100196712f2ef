import type { ContainerState } from '../../api/contract';
import { sortBy, type Sort } from '../../components/grid/sort';
import type { ContainerRow } from '../../stores/selectors';

export type SortKey = 'name' | 'image' | 'state' | 'created' | 'project';
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

export function sortRows(rows: ContainerRow[], sort: Sort<SortKey>): ContainerRow[] {
  return sortBy(
    rows,
    sort,
    (r, key) => r[key],
    (r) => r.name,
  );
}
