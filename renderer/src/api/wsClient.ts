import {
  ErrorCode,
  fail,
  isEventName,
  transferPath,
  type BerthErrorData,
  type ClientMessage,
  type EngineClient,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
  type TransportState,
  type WebSessionGrant,
  TRANSFER_KEY_QUERY,
  WS_CREDENTIAL_PREFIX,
  WS_PROTOCOL,
} from './contract';
import { createListenerHub } from './listeners';
import { createStreamTable, isStreamServerMessage } from './streamTable';

/** The part of the browser WebSocket this client uses, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface WebSocketClientOptions {
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  /** The web session: offered as a WebSocket subprotocol, and its transfer key goes on transfer URLs. */
  session?: Pick<WebSessionGrant, 'secret' | 'transferKey'>;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs, reset by a successful open. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a call made while disconnected waits for the socket to open before it fails. */
  connectWaitMs?: number;
  /** Origin that serves transfers (default: the socket URL's host over http(s), i.e. the page's origin). */
  httpOrigin?: string;
  /** A server 'error' message not tied to a call (e.g. the session expired). */
  onServerError?: (error: BerthErrorData) => void;
}

const OPEN = 1;

interface Pending {
  resolve: (result: Result<unknown>) => void;
}
type CallMessage = Extract<ClientMessage, { type: 'call' }>;
interface Queued {
  message: CallMessage;
  pending: Pending;
  timer: ReturnType<typeof setTimeout>;
}

const unreachable = (message: string): Result<never> => fail(ErrorCode.ENGINE_UNREACHABLE, message);

/**
 * EngineClient over the web host's WebSocket. Reconnects with exponential backoff whenever the socket
 * closes. Calls made while the socket is not open wait up to `connectWaitMs` (default 3 s) for it to open,
 * then resolve with ENGINE_UNREACHABLE; calls in flight when the socket drops resolve with
 * ENGINE_UNREACHABLE as well, since we cannot know whether the backend ran them. Never throws.
 */
export function createWebSocketClient(url: string, options: WebSocketClientOptions = {}): EngineClient {
  const createSocket =
    options.createSocket ?? ((u: string, p: string[]) => new WebSocket(u, p) as unknown as SocketLike);
  // Browsers cannot set headers on a WebSocket: the session travels as a second offered subprotocol.
  const protocols = options.session ? [WS_PROTOCOL, `${WS_CREDENTIAL_PREFIX}${options.session.secret}`] : [];
  const initialBackoff = options.initialBackoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const connectWait = options.connectWaitMs ?? 3_000;

  const hub = createListenerHub();
  const inFlight = new Map<number, Pending>();
  const queue: Queued[] = [];
  let nextId = 1;
  let socket: SocketLike | null = null;
  let state: TransportState = 'connecting';
  let backoff = initialBackoff;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const streams = createStreamTable({
    send: (message) => {
      if (!socket || socket.readyState !== OPEN) return false;
      try {
        socket.send(JSON.stringify(message));
        return true;
      } catch {
        return false;
      }
    },
    waitMs: connectWait,
    notConnected: () => ({
      code: ErrorCode.ENGINE_UNREACHABLE,
      message: 'Berth cannot reach its backend right now. It keeps retrying; reopen this view in a moment.',
    }),
  });
  const httpOrigin = options.httpOrigin ?? httpOriginOf(url);

  const setState = (next: TransportState) => {
    if (next === state) return;
    state = next;
    hub.emitTransport(next);
  };

  const flushQueue = () => {
    for (const item of queue.splice(0)) {
      clearTimeout(item.timer);
      send(item.message, item.pending);
    }
  };

  const send = (message: CallMessage, pending: Pending) => {
    if (!socket || socket.readyState !== OPEN) {
      pending.resolve(
        unreachable('The connection to the Berth backend is not open. It reconnects on its own.'),
      );
      return;
    }
    inFlight.set(message.id, pending);
    try {
      socket.send(JSON.stringify(message));
    } catch (error) {
      inFlight.delete(message.id);
      pending.resolve(
        fail(ErrorCode.ENGINE_UNREACHABLE, 'Could not send the request to the Berth backend.', String(error)),
      );
    }
  };

  const onMessage = (raw: unknown) => {
    let message: unknown;
    try {
      message = typeof raw === 'string' ? JSON.parse(raw) : null;
    } catch {
      return; // Not ours to interpret; the protocol is JSON text frames only.
    }
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    if (m.type === 'result' && typeof m.id === 'number') {
      const pending = inFlight.get(m.id);
      inFlight.delete(m.id);
      pending?.resolve(m.result as Result<unknown>);
    } else if (isStreamServerMessage(m)) {
      streams.receive(m);
    } else if (m.type === 'event' && isEventName(m.event)) {
      hub.emit(m.event, m.payload);
    } else if (m.type === 'error') {
      options.onServerError?.(m.error as BerthErrorData);
    }
  };

  const failInFlight = () => {
    const lost = [...inFlight.values()];
    inFlight.clear();
    for (const pending of lost) {
      pending.resolve(unreachable('The connection to the Berth backend was lost before the answer arrived.'));
    }
  };

  const scheduleReconnect = () => {
    if (disposed || reconnectTimer) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, maxBackoff);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  const connect = () => {
    if (disposed) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = createSocket(url, protocols);
    } catch {
      setState('closed');
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      backoff = initialBackoff;
      setState('open');
      flushQueue();
      streams.flush();
    };
    s.onmessage = (ev) => {
      if (socket === s) onMessage(ev.data);
    };
    s.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      failInFlight();
      streams.endSent({
        code: ErrorCode.ENGINE_UNREACHABLE,
        message: 'The connection to the Berth backend was lost; reconnect to continue.',
      });
      setState('closed');
      scheduleReconnect();
    };
  };

  connect();

  return {
    call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      return new Promise((resolve) => {
        if (disposed) {
          resolve(fail(ErrorCode.CANCELLED, 'The engine client was closed.'));
          return;
        }
        const message: ClientMessage = { type: 'call', id: nextId++, method, params };
        const pending: Pending = { resolve: resolve as (r: Result<unknown>) => void };
        if (socket && socket.readyState === OPEN) {
          send(message, pending);
          return;
        }
        const item: Queued = {
          message,
          pending,
          timer: setTimeout(() => {
            queue.splice(queue.indexOf(item), 1);
            pending.resolve(
              unreachable(
                'Berth cannot reach its backend right now. It keeps retrying; try again in a moment.',
              ),
            );
          }, connectWait),
        };
        queue.push(item);
      });
    },
    on: hub.on,
    onTransportState(listener) {
      // The current state first, so a late subscriber does not miss an 'open' that already happened.
      const off = hub.onTransportState(listener);
      listener(state);
      return off;
    },
    stream: (name, params, handlers) => streams.open(name, params, handlers),
    transferUrl: (transferId) => {
      const link = new URL(transferPath(transferId), httpOrigin);
      // A download link cannot carry a header; the transfer key redeems only this session's tickets.
      if (options.session) link.searchParams.set(TRANSFER_KEY_QUERY, options.session.transferKey);
      return link.href;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      streams.dispose({ code: ErrorCode.CANCELLED, message: 'The engine client was closed.' });
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const item of queue.splice(0)) {
        clearTimeout(item.timer);
        item.pending.resolve(fail(ErrorCode.CANCELLED, 'The engine client was closed.'));
      }
      const lost = [...inFlight.values()];
      inFlight.clear();
      for (const pending of lost) pending.resolve(fail(ErrorCode.CANCELLED, 'The engine client was closed.'));
      const s = socket;
      socket = null;
      s?.close();
      hub.clear();
    },
  };
}

/** ws://host:port/... → http://host:port (wss → https): the web host serves the socket and transfers. */
function httpOriginOf(socketUrl: string): string {
  const u = new URL(socketUrl);
  return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}`;
}
