import type { VolumeSummary } from '../../api/contract';
import { sortBy, type Sort } from '../../components/grid/sort';

export type VolumeSortKey = 'name' | 'driver' | 'size' | 'usedBy' | 'created';

export function filterVolumes(volumes: VolumeSummary[], query: string): VolumeSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return volumes;
  return volumes.filter(
    (v) =>
      v.name.toLowerCase().includes(q) ||
      v.driver.toLowerCase().includes(q) ||
      (v.composeProject ?? '').toLowerCase().includes(q) ||
      v.usedBy.some((c) => c.toLowerCase().includes(q)),
  );
}

export function sortVolumes(volumes: VolumeSummary[], sort: Sort<VolumeSortKey>): VolumeSummary[] {
  return sortBy(
    volumes,
    sort,
    (v, key) => {
      switch (key) {
        case 'size':
          return v.size ?? -1;
        case 'usedBy':
          return v.usedBy.length;
        case 'created':
          return v.created ?? 0;
        default:
          return v[key];
      }
    },
    (v) => v.name,
  );
}

/** Anonymous volumes have 64-hex names: show the start, like the docker CLI's short IDs. */
export const displayName = (v: Pick<VolumeSummary, 'name' | 'anonymous'>) =>
  v.anonymous && v.name.length === 64 ? `${v.name.slice(0, 12)}…` : v.name;
