import type { LogLine } from '../../api/contract';

/** Lines kept per view: enough to scroll back through a busy project, bounded so memory stays flat. */
export const MAX_LOG_LINES = 20_000;

export interface LogEntry extends LogLine {
  /** Increasing per view: a stable React key while old lines fall off the front. */
  seq: number;
}

/** A bounded buffer of log lines: appending past the bound drops the oldest. */
export function createLogBuffer(max = MAX_LOG_LINES) {
  let lines: LogEntry[] = [];
  let seq = 0;
  let dropped = 0;
  return {
    append(batch: LogLine[], droppedByBackend = 0): void {
      dropped += droppedByBackend;
      const next = lines.concat(batch.map((l) => ({ ...l, seq: seq++ })));
      lines = next.length > max ? next.slice(next.length - max) : next;
    },
    clear(): void {
      lines = [];
    },
    get lines(): readonly LogEntry[] {
      return lines;
    },
    /** Lines the backend could not deliver because the view fell behind. */
    get dropped(): number {
      return dropped;
    },
  };
}

const serviceColors = ['#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#e53935', '#6d4c41', '#3949ab', '#c0ca33', '#d81b60'];

/** A stable colour per service name, so one service's lines are easy to follow in the merged view. */
export function serviceColor(service: string | undefined): string {
  if (!service) return 'inherit';
  let h = 0;
  for (const ch of service) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return serviceColors[h % serviceColors.length] ?? 'inherit';
}

export function matches(line: LogLine, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return line.text.toLowerCase().includes(q) || (line.service ?? '').toLowerCase().includes(q);
}
