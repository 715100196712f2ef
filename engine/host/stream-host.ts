import {
  ErrorCode,
  isStreamName,
  roleAllows,
  streams,
  type BerthErrorData,
  type StreamClientMessage,
  type StreamName,
  type StreamServerMessage,
} from '../contract';
import type { Caller } from '../base/audit';
import type { StreamContext, StreamHandlers } from '../base/handlers';
import { toErrorData } from '../base/errors';
import { runAsCaller } from '../base/caller-scope';

/** The connection a StreamHost serves: how to send, and how far behind the client is. */
export interface StreamTransport {
  send(message: StreamServerMessage): void;
  /** Bytes queued but not yet sent (ws.bufferedAmount); 0 where unknown. */
  bufferedBytes(): number;
}

const HIGH_WATER = 1 << 20;
const LOW_WATER = 256 << 10;
const MAX_STREAMS_PER_CONNECTION = 64;

interface Open {
  controller: AbortController;
  input?: (input: unknown) => void;
  queued: unknown[];
}

/**
 * The streams of one connection (a WebSocket or an Electron window): validates and authorizes opens exactly
 * like the dispatcher does for calls, runs the handler, forwards input, and closes everything on disconnect.
 */
export class StreamHost {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly handlers: StreamHandlers,
    private readonly transport: StreamTransport,
    private readonly caller: Caller,
  ) {}

  handle(message: StreamClientMessage): void {
    if (message.type === 'stream-open') this.start(message.id, message.stream, message.params);
    else if (message.type === 'stream-input') {
      const s = this.open.get(message.id);
      if (!s) return;
      if (s.input) s.input(message.input);
      else if (s.queued.length < 1000) s.queued.push(message.input);
    } else if (message.type === 'stream-close') this.stop(message.id);
  }

  /** Closes every stream (the connection went away). */
  closeAll(): void {
    for (const id of [...this.open.keys()]) this.stop(id);
  }

  get size(): number {
    return this.open.size;
  }

  private start(id: string, name: unknown, rawParams: unknown): void {
    const end = (error?: BerthErrorData) =>
      this.transport.send({ type: 'stream-end', id, ...(error ? { error } : {}) });
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) return end(invalid('Invalid stream id'));
    if (this.open.has(id)) return end(invalid(`Stream ${id} is already open`));
    if (this.open.size >= MAX_STREAMS_PER_CONNECTION)
      return end({ code: ErrorCode.CONFLICT, message: 'Too many open streams; close some views first.' });
    if (!isStreamName(name))
      return end({
        code: ErrorCode.METHOD_NOT_FOUND,
        message: `Unknown stream: ${String(name).slice(0, 100)}`,
      });
    const def = streams[name];
    if (!roleAllows(this.caller.role, def.access)) {
      return end({
        code: ErrorCode.FORBIDDEN,
        message: `Your role (${this.caller.role}) may not open ${name}.`,
      });
    }
    const parsed = def.params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return end(
        invalid(
          issue ? `Invalid ${issue.path.join('.') || 'parameters'}: ${issue.message}` : 'Invalid parameters',
          parsed.error.issues,
        ),
      );
    }
    const entry: Open = { controller: new AbortController(), queued: [] };
    this.open.set(id, entry);
    const { signal } = entry.controller;
    const ctx: StreamContext<StreamName> = {
      params: parsed.data,
      caller: this.caller,
      signal,
      send: (chunk) => {
        if (signal.aborted) return false;
        this.transport.send({ type: 'stream-data', id, chunk });
        return this.transport.bufferedBytes() < HIGH_WATER;
      },
      drained: () => this.drained(signal),
      onInput: (handler) => {
        entry.input = handler as (input: unknown) => void;
        for (const q of entry.queued.splice(0)) entry.input(q);
      },
    };
    // tsc needs the assertion (a union of handler types is not callable); the linter cannot see why.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const handler = this.handlers[name] as (c: StreamContext<StreamName>) => Promise<void>;
    void Promise.resolve()
      // In the caller's scope, as the dispatcher runs calls: what the stream creates is checked for who asked.
      .then(() => runAsCaller(this.caller, () => handler(ctx)))
      .then(
        () => this.finish(id, entry),
        (err: unknown) => this.finish(id, entry, signal.aborted ? undefined : toErrorData(err)),
      );
  }

  private finish(id: string, entry: Open, error?: BerthErrorData): void {
    if (this.open.get(id) !== entry) return; // already closed by the client
    this.open.delete(id);
    entry.controller.abort();
    this.transport.send({ type: 'stream-end', id, ...(error ? { error } : {}) });
  }

  private stop(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.open.delete(id);
    entry.controller.abort();
  }

  private async drained(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.transport.bufferedBytes() > LOW_WATER) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const invalid = (message: string, details?: unknown): BerthErrorData =>
  details === undefined
    ? { code: ErrorCode.INVALID_ARGUMENT, message }
    : { code: ErrorCode.INVALID_ARGUMENT, message, details };
