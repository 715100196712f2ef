import type { LogLine } from '../../../contract';

// The engine stamps every log line (RFC 3339, nanoseconds, UTC, trailing zeros trimmed). Merging the
// containers of a project by these stamps makes one timeline that reads the same every time it is opened.

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/;

/** A key that sorts like the time it names: the fraction padded to nanoseconds ("…05.1Z" < "…05.123Z"). */
export function timeKey(ts: string | undefined): string {
  if (!ts) return '';
  const m = STAMP.exec(ts);
  return m ? `${m[1] ?? ''}.${(m[2] ?? '').padEnd(9, '0')}` : ts;
}

/** Lines in the order the engine stamped them; equal stamps by container name, then as they came (stable). */
export function byTime(lines: readonly LogLine[]): LogLine[] {
  const keyed = lines.map((line) => ({ line, key: timeKey(line.ts) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.line.container ?? '').localeCompare(b.line.container ?? '')));
  return keyed.map((k) => k.line);
}

/**
 * The engine's `since` (seconds.nanoseconds) for "strictly after this stamp": following a container from here
 * neither repeats the last line already sent nor misses one written in between.
 */
export function sinceAfter(ts: string): string | undefined {
  const m = STAMP.exec(ts);
  if (!m) return undefined;
  let seconds = Date.parse(`${m[1] ?? ''}Z`) / 1000;
  let nanos = Number((m[2] ?? '').padEnd(9, '0')) + 1;
  if (nanos === 1e9) {
    seconds += 1;
    nanos = 0;
  }
  return Number.isFinite(seconds) ? `${seconds}.${String(nanos).padStart(9, '0')}` : undefined;
}
