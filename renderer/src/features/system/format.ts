const units = ['B', 'kB', 'MB', 'GB', 'TB'];

/** "1.2 GB" (decimal units, as the docker CLI shows sizes); "—" when unknown. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${i === 0 ? value : value < 10 ? value.toFixed(1) : Math.round(value)} ${units[i]}`;
}

/** "1 volume", "3 volumes". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
export const compareText = (a: string, b: string) => collator.compare(a, b);

export interface Sort<K extends string> {
  key: K;
  direction: 'asc' | 'desc';
}

/** Next sort after a header click: same key flips, a new key starts ascending (sizes and dates descending). */
export function nextSort<K extends string>(sort: Sort<K>, key: K, descendingFirst: readonly K[] = []): Sort<K> {
  if (sort.key === key) return { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: descendingFirst.includes(key) ? 'desc' : 'asc' };
}

/** Sorts by `value` in the sort's direction; ties fall back to `name` so rows do not jump as events arrive. */
export function sortBy<T, K extends string>(
  rows: T[],
  sort: Sort<K>,
  value: (row: T, key: K) => string | number,
  name: (row: T) => string,
): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
    return primary !== 0 ? primary * sign : compareText(name(a), name(b));
  });
}
