/** The one sort state of every list: a column key and a direction. */
export interface Sort<K extends string> {
  key: K;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Text order for people: case-insensitive, "node2" before "node10". */
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** Next sort after a header click: same key flips, a new key starts ascending (sizes and dates descending). */
export function nextSort<K extends string>(
  sort: Sort<K>,
  key: K,
  descendingFirst: readonly K[] = [],
): Sort<K> {
  if (sort.key === key) return { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: descendingFirst.includes(key) ? 'desc' : 'asc' };
}

/**
 * Sorts by `compare` for the sort's key in the sort's direction; ties fall back to `tieBreak` (always ascending),
 * so rows do not jump as events arrive.
 */
export function sortWith<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K>,
  compare: (a: T, b: T, key: K) => number,
  tieBreak: (a: T, b: T) => number,
): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => compare(a, b, sort.key) * sign || tieBreak(a, b));
}

/** sortWith for the common case: compare one value per key (numbers as numbers, text as text), ties by name. */
export function sortBy<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K>,
  value: (row: T, key: K) => string | number,
  name: (row: T) => string,
): T[] {
  return sortWith(
    rows,
    sort,
    (a, b, key) => {
      const va = value(a, key);
      const vb = value(b, key);
      return typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
    },
    (a, b) => compareText(name(a), name(b)),
  );
}
