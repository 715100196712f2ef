import type { LogLine } from '../../../api/contract';
import { stripAnsi } from './ansi';

export interface LogEntry extends LogLine {
  /** Position in everything received since the view was cleared; stable while the line is kept. */
  seq: number;
  /** The text without escape sequences (search and download). */
  plain: string;
}

export const DEFAULT_CAPACITY = 100_000;

/**
 * A bounded ring of log lines: a container printing 10,000 lines/s keeps the newest `capacity` lines and
 * memory stays flat. While paused, new lines wait (within the same bound) and join when the view resumes.
 */
export class LogRing {
  private readonly slots: (LogEntry | undefined)[];
  private start = 0;
  private count = 0;
  private nextSeq = 0;
  private held: LogEntry[] = [];
  /** Lines lost: dropped by the backend (backpressure) or pushed out of the ring. */
  dropped = 0;
  paused = false;
  /** Bumped on every visible change; views re-render on it. */
  version = 0;

  constructor(readonly capacity = DEFAULT_CAPACITY) {
    this.slots = new Array<LogEntry | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Lines waiting while paused. */
  get waiting(): number {
    return this.held.length;
  }

  /** Sequence number of the oldest kept line. */
  get firstSeq(): number {
    return this.count === 0 ? this.nextSeq : (this.get(0)?.seq ?? 0);
  }

  append(lines: LogLine[], droppedUpstream = 0): void {
    this.dropped += droppedUpstream;
    for (const line of lines) {
      const entry: LogEntry = { ...line, seq: this.nextSeq++, plain: stripAnsi(line.text) };
      if (this.paused) {
        this.held.push(entry);
        if (this.held.length > this.capacity) {
          this.held.shift();
          this.dropped++;
        }
      } else this.push(entry);
    }
    if (!this.paused) this.version++;
  }

  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    if (!paused) {
      for (const entry of this.held) this.push(entry);
      this.held = [];
      this.version++;
    }
  }

  get(index: number): LogEntry | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.slots[(this.start + index) % this.capacity];
  }

  clear(): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.held = [];
    this.dropped = 0;
    this.version++;
  }

  /** Indices (into the current view) of lines whose plain text contains `query`, case-insensitively. */
  search(query: string): number[] {
    if (!query) return [];
    const needle = query.toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) if (this.get(i)?.plain.toLowerCase().includes(needle)) out.push(i);
    return out;
  }

  /** The kept lines as a .log file's text. */
  toText(withTimestamps: boolean): string {
    const parts: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const e = this.get(i);
      if (!e) continue;
      const prefix = withTimestamps && e.ts ? `${e.ts} ` : '';
      parts.push(`${prefix}${e.stream === 'stderr' ? '[stderr] ' : ''}${e.plain}\n`);
    }
    return parts.join('');
  }

  private push(entry: LogEntry): void {
    if (this.count < this.capacity) {
      this.slots[(this.start + this.count) % this.capacity] = entry;
      this.count++;
      return;
    }
    this.slots[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
    this.dropped++;
  }
}
