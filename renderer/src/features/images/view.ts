import { imageDisplayName, shortImageId, type ImageSummary } from '../../api/contract';
import { compareText, sortWith, type Sort } from '../../components/grid/sort';
import type { BerthState } from '../../stores/types';
import type { ImageActionFailure, ImageRowAction } from './imagesList';

/** One row of the images list: one per image (extra tags are shown in the row, not as rows of their own). */
export interface ImageRow {
  id: string;
  shortId: string;
  /** First repo:tag, or "<none>" for a dangling image. */
  name: string;
  repoTags: string[];
  size: number;
  /** Milliseconds since epoch. */
  created: number;
  containers: string[];
  usage: 'in use' | 'unused' | 'dangling';
  summary: ImageSummary;
  pendingAction?: ImageRowAction;
  failure?: ImageActionFailure;
}

export function toImageRow(
  i: ImageSummary,
  pending?: ImageRowAction,
  failure?: ImageActionFailure,
): ImageRow {
  const row: ImageRow = {
    id: i.id,
    shortId: shortImageId(i.id),
    name: i.repoTags.length ? imageDisplayName(i) : '<none>',
    repoTags: i.repoTags,
    size: i.size,
    created: i.created * 1000,
    containers: i.containers,
    usage: i.containers.length > 0 ? 'in use' : i.dangling ? 'dangling' : 'unused',
    summary: i,
  };
  if (pending) row.pendingAction = pending;
  if (failure) row.failure = failure;
  return row;
}

/** Memoized on the records it reads, so components get a stable array between unrelated updates. */
export const selectImageRows = (() => {
  let last: { i: unknown; p: unknown; e: unknown; rows: ImageRow[] } | null = null;
  return (s: BerthState): ImageRow[] => {
    const { items, pending, errors } = s.images;
    if (last && last.i === items && last.p === pending && last.e === errors) return last.rows;
    const rows = Object.values(items).map((i) => toImageRow(i, pending[i.id], errors[i.id]));
    last = { i: items, p: pending, e: errors, rows };
    return rows;
  };
})();

export type UsageFilter = 'all' | ImageRow['usage'];
export interface ImageFilter {
  query: string;
  usage: UsageFilter;
}
export type ImageSortKey = 'name' | 'size' | 'created' | 'usage';

export function filterImages(rows: ImageRow[], { query, usage }: ImageFilter): ImageRow[] {
  const q = query.trim().toLowerCase();
  if (!q && usage === 'all') return rows;
  return rows.filter(
    (r) =>
      (usage === 'all' || r.usage === usage) &&
      (!q ||
        r.shortId.includes(q) ||
        r.repoTags.some((t) => t.toLowerCase().includes(q)) ||
        r.containers.some((c) => c.toLowerCase().includes(q))),
  );
}

export function sortImages(rows: ImageRow[], sort: Sort<ImageSortKey>): ImageRow[] {
  const primary = (a: ImageRow, b: ImageRow, key: ImageSortKey): number => {
    switch (key) {
      case 'size':
        return a.size - b.size;
      case 'created':
        return a.created - b.created;
      case 'usage':
        return a.containers.length - b.containers.length || compareText(a.usage, b.usage);
      case 'name':
        // Dangling images ("<none>") last in ascending order.
        return Number(a.name === '<none>') - Number(b.name === '<none>') || compareText(a.name, b.name);
    }
  };
  return sortWith(rows, sort, primary, (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}
