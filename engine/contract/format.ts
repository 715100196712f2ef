// One set of display formatters, shared by the renderer and the backend (task messages, errors), so a size or a
// duration reads the same wherever the user sees it.

/** What every formatter shows for a value it does not know. */
export const UNKNOWN = '—';

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A size in decimal SI units, as the docker CLI shows sizes: "999 B", "1.5 kB", "12 MB". One decimal below 10,
 * none from 10 up; "—" when unknown (undefined, negative or not a number).
 */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return UNKNOWN;
  let value = bytes;
  let unit = 0;
  // 999.6 kB would round to "1000 kB": move up a unit once the shown figure reaches 1000.
  while (value >= 999.5 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${SIZE_UNITS[unit]}`;
}

/** A rate in the same units: "1.5 MB/s". */
export const formatRate = (bytesPerSecond: number | undefined): string => {
  const size = formatBytes(bytesPerSecond);
  return size === UNKNOWN ? UNKNOWN : `${size}/s`;
};

/**
 * Memory in binary units ("512 MiB"), unlike every other size: memory limits are set in powers of two and
 * `docker stats` shows them this way, so "512 MiB" stays the figure the user typed. 0 or unknown is "0 B".
 */
export function formatMemory(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** An elapsed time: "0 s", "1 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A moment relative to now: "3 minutes ago", "yesterday", "just now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/**
 * A moment (ISO text or epoch milliseconds) as a local date and time; an unparsable text is shown as it came, a
 * missing one (or 0, which the engine reports for "unknown") as "—".
 */
export function formatTime(moment: string | number | undefined): string {
  if (!moment) return UNKNOWN;
  const t = typeof moment === 'number' ? moment : Date.parse(moment);
  return Number.isFinite(t) ? new Date(t).toLocaleString() : String(moment);
}

/** An engine log stamp (RFC 3339, nanoseconds, UTC) as it reads in a log view: "2026-12-07 05:00:01.123". */
export const formatLogStamp = (ts: string): string => ts.replace('T', ' ').replace(/(\.\d{1,3})\d*Z$/, '$1').replace(/Z$/, '');

/** "1 volume", "3 volumes". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
