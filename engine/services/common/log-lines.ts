import { StringDecoder } from 'node:string_decoder';
import type { LogLine } from '../../contract';

/** A line longer than this is cut into several (a process printing without newlines cannot grow memory). */
export const MAX_LINE_CHARS = 16 * 1024;

/**
 * Turns the bytes of one output stream into lines: decodes UTF-8 across chunk boundaries, strips the "\r" of
 * TTY line ends and, when the engine was asked for timestamps, splits off the RFC 3339 prefix of each line.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(
    private readonly stream: LogLine['stream'],
    private readonly timestamps: boolean,
    private readonly emit: (line: LogLine) => void,
  ) {}

  push(bytes: Buffer): void {
    this.partial += this.decoder.write(bytes);
    let nl: number;
    while ((nl = this.partial.indexOf('\n')) >= 0) {
      this.line(this.partial.slice(0, nl));
      this.partial = this.partial.slice(nl + 1);
    }
    while (this.partial.length > MAX_LINE_CHARS) {
      this.line(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }

  /** The stream ended: a last line without newline still counts. */
  end(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest.length > 0) this.line(rest);
  }

  private line(raw: string): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.timestamps) return this.emit({ stream: this.stream, text });
    const space = text.indexOf(' ');
    const ts = space > 0 ? text.slice(0, space) : text;
    if (!/^\d{4}-\d\d-\d\dT/.test(ts)) return this.emit({ stream: this.stream, text });
    this.emit({ stream: this.stream, text: space > 0 ? text.slice(space + 1) : '', ts });
  }
}

export interface LogSink {
  /** Sends a batch; false when the client is behind. */
  send(chunk: { lines: LogLine[]; dropped?: number }): boolean;
  /** Resolves when the client caught up. */
  drained(): Promise<void>;
}

export interface BatcherOptions {
  /** Flush at least this often while lines are waiting. */
  intervalMs: number;
  /** Flush as soon as this many lines wait. */
  maxBatch: number;
  /** While the client is behind, keep at most this many lines; older ones are dropped and counted. */
  maxPending: number;
  /** How long to hold the source paused before reading on (and dropping) to stay at the live edge. */
  stallMs: number;
}

export const defaultBatcher: BatcherOptions = { intervalMs: 50, maxBatch: 500, maxPending: 10_000, stallMs: 1_000 };

/**
 * Batches log lines for the client with backpressure: when a send reports the client is behind, the source
 * is paused until the client drains; if that takes longer than `stallMs` the source resumes and the batch
 * keeps only the newest `maxPending` lines, counting the rest as dropped (reported with the next batch).
 */
export class LogBatcher {
  private pending: LogLine[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private behind = false;
  private closed = false;
  /** Lines dropped over the stream's life (for tests and diagnostics). */
  totalDropped = 0;

  constructor(
    private readonly sink: LogSink,
    private readonly source: { pause(): void; resume(): void },
    private readonly options: BatcherOptions = defaultBatcher,
  ) {}

  add(line: LogLine): void {
    if (this.closed) return;
    this.pending.push(line);
    if (this.pending.length > this.options.maxPending) {
      const excess = this.pending.length - this.options.maxPending;
      this.pending.splice(0, excess);
      this.dropped += excess;
      this.totalDropped += excess;
    }
    if (this.behind) return;
    if (this.pending.length >= this.options.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.intervalMs);
  }

  /** Sends what waits (unless the client is behind). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.behind || (this.pending.length === 0 && this.dropped === 0)) return;
    const lines = this.pending;
    const dropped = this.dropped;
    this.pending = [];
    this.dropped = 0;
    const ok = this.sink.send(dropped > 0 ? { lines, dropped } : { lines });
    if (!ok) this.wait();
  }

  /** Final flush; returns once sent (waiting for the client if it is behind). */
  async close(): Promise<void> {
    while (this.behind && !this.closed) await this.sink.drained();
    this.flush();
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Stops without sending anything more (the client went away). */
  abort(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private wait(): void {
    this.behind = true;
    this.source.pause();
    const stall = setTimeout(() => this.source.resume(), this.options.stallMs);
    void this.sink.drained().then(() => {
      clearTimeout(stall);
      this.behind = false;
      if (this.closed) return;
      this.source.resume();
      this.flush();
    });
  }
}
