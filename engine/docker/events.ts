import { StringDecoder } from 'node:string_decoder';
import type Dockerode from 'dockerode';

/** One message of GET /events, normalised (old engines only set `status`/`id`/`from`). */
export interface DockerEvent {
  /** container, image, volume, network, daemon, plugin, service, node, secret, config */
  type: string;
  /** create, start, die, destroy, health_status: healthy, exec_start: sh, ... */
  action: string;
  /** The object's ID (or name for some types). */
  id: string;
  attributes: Record<string, string>;
  /** Nanoseconds since epoch when the engine reports it, else seconds * 1e9. */
  timeNano: number;
}

/** Lines longer than this are dropped: no real event comes close, and a broken peer must not grow memory. */
const MAX_LINE = 1024 * 1024;

/**
 * Splits a byte stream into JSON values, one per line. Chunks may end mid-line or mid-UTF-8 sequence; a
 * malformed line is reported and skipped so one bad message never kills the stream.
 */
export class JsonLineDecoder {
  private readonly text = new StringDecoder('utf8');
  private buffer = '';
  private discarding = false;

  constructor(private readonly onMalformed: (line: string, reason: string) => void = () => {}) {}

  push(chunk: Buffer | string): unknown[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.text.write(chunk);
    const values: unknown[] = [];
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (this.discarding) {
        this.discarding = false; // the rest of an over-long line
        continue;
      }
      this.parse(line, values);
    }
    if (this.buffer.length > MAX_LINE) {
      this.onMalformed(this.buffer.slice(0, 200), 'line too long');
      this.buffer = '';
      this.discarding = true;
    }
    return values;
  }

  /** Flushes a final line that had no trailing newline. */
  end(): unknown[] {
    const values: unknown[] = [];
    const rest = this.buffer + this.text.end();
    this.buffer = '';
    if (!this.discarding) this.parse(rest, values);
    return values;
  }

  private parse(line: string, out: unknown[]): void {
    const trimmed = line.trim();
    if (!trimmed) return;
    try {
      out.push(JSON.parse(trimmed));
    } catch (err) {
      this.onMalformed(trimmed.slice(0, 200), err instanceof Error ? err.message : 'invalid JSON');
    }
  }
}

/** Validates one decoded value as an engine event; returns undefined for anything else. */
export function toDockerEvent(value: unknown): DockerEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const actor = typeof v.Actor === 'object' && v.Actor !== null ? (v.Actor as Record<string, unknown>) : {};
  const type = str(v.Type) ?? (str(v.status) ? 'container' : undefined);
  const action = str(v.Action) ?? str(v.status);
  const id = str(actor.ID) ?? str(v.id);
  if (!type || !action || id === undefined) return undefined;
  const attributes: Record<string, string> = {};
  if (typeof actor.Attributes === 'object' && actor.Attributes !== null) {
    for (const [k, val] of Object.entries(actor.Attributes)) if (typeof val === 'string') attributes[k] = val;
  }
  const timeNano =
    typeof v.timeNano === 'number'
      ? v.timeNano
      : typeof v.time === 'number'
        ? v.time * 1e9
        : Date.now() * 1e6;
  return { type, action, id, attributes, timeNano };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface EventStreamHandlers {
  onEvent(event: DockerEvent): void;
  /** Called once when the stream ends or fails for any reason other than dispose(). */
  onClose(error: unknown): void;
  onMalformed?(line: string, reason: string): void;
}

/**
 * Reads an already-open /events response. Returns a disposer that destroys the stream; after it, no handler
 * is called again.
 */
export function readEventStream(stream: NodeJS.ReadableStream, handlers: EventStreamHandlers): () => void {
  let closed = false;
  const decoder = new JsonLineDecoder((line, reason) => handlers.onMalformed?.(line, reason));
  const deliver = (values: unknown[]) => {
    for (const value of values) {
      if (closed) return;
      const event = toDockerEvent(value);
      if (event) handlers.onEvent(event);
      else handlers.onMalformed?.(JSON.stringify(value).slice(0, 200), 'not an engine event');
    }
  };
  const finish = (error: unknown) => {
    if (closed) return;
    deliver(decoder.end());
    closed = true;
    detach();
    handlers.onClose(error);
  };
  const onData = (chunk: Buffer | string) => deliver(decoder.push(chunk));
  const onEnd = () => finish(new Error('The engine closed the event stream.'));
  const onError = (err: unknown) => finish(err);
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  stream.on('error', onError);
  const detach = () => {
    stream.removeListener('data', onData);
    stream.removeListener('end', onEnd);
    stream.removeListener('close', onEnd);
    stream.removeListener('error', onError);
    // A late error after detaching must not become an uncaught exception.
    stream.on('error', () => {});
  };
  return () => {
    if (closed) return;
    closed = true;
    detach();
    const destroyable = stream as Partial<{ destroy: () => void }>;
    if (typeof destroyable.destroy === 'function') destroyable.destroy();
  };
}

export interface EventWatch {
  /** Resolves once the engine has accepted the stream (so a list fetched afterwards misses no event). */
  ready: Promise<void>;
  dispose(): void;
}

/** Opens GET /events and reads it; `ready` rejects (raw error) when the stream cannot be opened. */
export function watchEvents(docker: Pick<Dockerode, 'getEvents'>, handlers: EventStreamHandlers): EventWatch {
  const abort = new AbortController();
  let stop: (() => void) | undefined;
  let disposed = false;
  const ready = docker
    .getEvents({ abortSignal: abort.signal } as Dockerode.GetEventsOptions)
    .then((stream) => {
      if (disposed) {
        readEventStream(stream, { onEvent: () => {}, onClose: () => {} })();
        return;
      }
      stop = readEventStream(stream, handlers);
    });
  // The caller awaits `ready`; this only keeps a rejection after an early dispose() from going unhandled.
  ready.catch(() => {});
  return {
    ready,
    dispose() {
      if (disposed) return;
      disposed = true;
      stop?.();
      abort.abort();
    },
  };
}
