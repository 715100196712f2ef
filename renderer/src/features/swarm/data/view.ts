import type { SwarmDataSummary } from '../../../api/contract';
import { sortBy, type Sort } from '../../../components/grid/sort';

export type DataSortKey = 'name' | 'created' | 'updated' | 'usedBy';

export const labelText = (s: SwarmDataSummary): string =>
  Object.entries(s.labels)
    .map(([k, v]) => (v ? `${k}=${v}` : k))
    .join(', ');

export const usedByText = (s: SwarmDataSummary): string => s.usedBy.map((u) => u.name).join(', ');

export function filterData(items: SwarmDataSummary[], query: string): SwarmDataSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  return items.filter((s) => [s.name, labelText(s), usedByText(s)].some((v) => v.toLowerCase().includes(q)));
}

export function sortData(items: SwarmDataSummary[], sort: Sort<DataSortKey>): SwarmDataSummary[] {
  return sortBy(
    items,
    sort,
    (s, key) =>
      key === 'created'
        ? (s.createdAt ?? 0)
        : key === 'updated'
          ? (s.updatedAt ?? 0)
          : key === 'usedBy'
            ? s.usedBy.length
            : s.name,
    (s) => s.name,
  );
}
