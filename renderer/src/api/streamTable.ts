import type {
  BerthErrorData,
  StreamClientMessage,
  StreamHandlers,
  StreamName,
  StreamParamsInput,
  StreamServerMessage,
  StreamSubscription,
} from './contract';

export interface StreamTableOptions {
  /** Sends a message to the backend; returns false when the link is not open (an open then waits for `flush`). */
  send(message: StreamClientMessage): boolean;
  /** How long an open waits for the link before it ends with `notConnected()`. */
  waitMs?: number;
  notConnected?: () => BerthErrorData;
}

interface Entry {
  id: string;
  message: Extract<StreamClientMessage, { type: 'stream-open' }>;
  onData(chunk: unknown): void;
  onEnd?(error?: BerthErrorData): void;
  sent: boolean;
  /** Input given before the open reached the backend, sent right after it. */
  early: unknown[];
  timer?: ReturnType<typeof setTimeout>;
}

const MAX_EARLY_INPUT = 1000;

/**
 * The client side of streams, shared by the WebSocket and IPC clients: picks ids, routes server messages to
 * each subscription, and guarantees `onEnd` fires at most once. A stream the caller closed gets no further
 * callbacks (not even onEnd): its owner already knows.
 */
export function createStreamTable(options: StreamTableOptions) {
  const entries = new Map<string, Entry>();
  let nextId = 1;
  let disposed: BerthErrorData | undefined;

  const end = (entry: Entry, error?: BerthErrorData) => {
    if (entries.get(entry.id) !== entry) return;
    entries.delete(entry.id);
    if (entry.timer) clearTimeout(entry.timer);
    try {
      entry.onEnd?.(error);
    } catch (err) {
      console.error('[berth] stream end handler failed:', err);
    }
  };

  const trySend = (entry: Entry) => {
    if (!options.send(entry.message)) {
      if (!entry.timer && options.waitMs !== undefined && options.notConnected) {
        const { notConnected } = options;
        entry.timer = setTimeout(() => end(entry, notConnected()), options.waitMs);
      }
      return;
    }
    entry.sent = true;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    for (const input of entry.early.splice(0)) options.send({ type: 'stream-input', id: entry.id, input });
  };

  return {
    open<S extends StreamName>(
      name: S,
      params: StreamParamsInput<S>,
      handlers: StreamHandlers<S>,
    ): StreamSubscription<S> {
      const id = `s${nextId++}`;
      const entry: Entry = {
        id,
        message: { type: 'stream-open', id, stream: name, params },
        onData: (chunk) => handlers.onData(chunk as Parameters<typeof handlers.onData>[0]),
        ...(handlers.onEnd ? { onEnd: (e?: BerthErrorData) => handlers.onEnd?.(e) } : {}),
        sent: false,
        early: [],
      };
      entries.set(id, entry);
      if (disposed) {
        // Asynchronously, so the caller holds its subscription before its onEnd runs.
        const error = disposed;
        queueMicrotask(() => end(entry, error));
      } else trySend(entry);
      return {
        send(input) {
          if (entries.get(id) !== entry) return;
          if (entry.sent) options.send({ type: 'stream-input', id, input });
          else if (entry.early.length < MAX_EARLY_INPUT) entry.early.push(input);
        },
        close() {
          if (entries.get(id) !== entry) return;
          entries.delete(id);
          if (entry.timer) clearTimeout(entry.timer);
          if (entry.sent) options.send({ type: 'stream-close', id });
        },
      };
    },

    /** Routes a server message; unknown ids (streams closed by the caller) are ignored. */
    receive(message: StreamServerMessage): void {
      const entry = entries.get(message.id);
      if (!entry) return;
      if (message.type === 'stream-end') return end(entry, message.error);
      try {
        entry.onData(message.chunk);
      } catch (err) {
        console.error(`[berth] ${entry.message.stream} data handler failed:`, err);
      }
    },

    /** Sends the opens that waited for the link. */
    flush(): void {
      for (const entry of [...entries.values()]) if (!entry.sent) trySend(entry);
    },

    /** The link dropped: every stream the backend knew about ends with `error` (the backend closed them too). */
    endSent(error: BerthErrorData): void {
      for (const entry of [...entries.values()]) if (entry.sent) end(entry, error);
    },

    /** Ends every stream and refuses new ones with `error`. */
    dispose(error: BerthErrorData): void {
      disposed = error;
      for (const entry of [...entries.values()]) {
        if (entry.sent) options.send({ type: 'stream-close', id: entry.id });
        end(entry, error);
      }
    },

    get size(): number {
      return entries.size;
    },
  };
}

export type StreamTable = ReturnType<typeof createStreamTable>;

export const isStreamServerMessage = (
  m: Record<string, unknown>,
): m is StreamServerMessage & Record<string, unknown> =>
  (m.type === 'stream-data' || m.type === 'stream-end') && typeof m.id === 'string';
