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
}

export function filterRows(rows: ContainerRow[], { query, state }: ContainerFilter): ContainerRow[] {
  const q = query.trim().toLowerCase();
  if (!q && state === 'all') return rows;
  return rows.filter(
    (r) =>
      (state === 'all' || r.state === state) &&
      (!q || r.name.toLowerCase().includes(q) || r.image.toLowerCase().includes(q) || r.project.toLowerCase().includes(q)),
  );
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
