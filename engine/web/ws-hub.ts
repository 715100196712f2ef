import type { RawData, WebSocket } from 'ws';
import { ErrorCode, type BerthErrorData, type ServerMessage, type StreamClientMessage } from '../contract';
import type { Dispatch } from '../host/dispatcher';
import type { Caller } from '../base/audit';
import type { EventBus } from '../base/event-bus';
import { StreamHost } from '../host/stream-host';
import type { StreamHandlers } from '../base/handlers';

export interface WsHubOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /** Handlers for logs, stats, terminals and task logs; each socket gets its own StreamHost. */
  streams: StreamHandlers;
  version: string;
  /** Larger text messages get an error reply (the socket stays open). */
  maxMessageBytes?: number;
  /** A socket whose unsent data grows past this is closed: the client reconnects and relists. */
  maxBufferedBytes?: number;
  /** Calls one socket may have in flight before further calls are refused. */
  maxInFlight?: number;
  /** Ping interval; a socket that did not answer the previous ping is dropped. 0 disables. */
  heartbeatMs?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

interface Peer {
  socket: WebSocket;
  inFlight: number;
  alive: boolean;
  streams: StreamHost;
  /** Who this socket's session is: every call and stream on it runs as this caller. */
  caller: Caller;
}

const STREAM_MESSAGES = new Set(['stream-open', 'stream-input', 'stream-close']);

/**
 * Speaks engine/contract/protocol.ts over every open web-mode WebSocket. Owns one bus subscription for all
 * sockets (each event is serialised once), the sockets themselves and the heartbeat timer; close() disposes all.
 */
export class WsHub {
  private readonly peers = new Set<Peer>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout | undefined;
  private readonly maxMessageBytes: number;
  private readonly maxBufferedBytes: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: WsHubOptions) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.maxInFlight = options.maxInFlight ?? 256;
    this.unsubscribe = options.bus.onAny((event, payload) => {
      const text = serialize({ type: 'event', event, payload } as ServerMessage);
      if (text === undefined) return;
      for (const peer of this.peers) this.sendText(peer, text);
    });
    const every = options.heartbeatMs ?? 30_000;
    if (every > 0) {
      this.heartbeat = setInterval(() => this.beat(), every);
      this.heartbeat.unref();
    }
  }

  get size(): number {
    return this.peers.size;
  }

  add(socket: WebSocket, caller: Caller): void {
    const streams = new StreamHost(
      this.options.streams,
      { send: (message) => this.send(peer, message), bufferedBytes: () => socket.bufferedAmount },
      caller,
    );
    const peer: Peer = { socket, inFlight: 0, alive: true, streams, caller };
    this.peers.add(peer);
    // Every way a socket ends (client close, terminate for a slow reader or a missed ping) emits 'close'.
    socket.on('close', () => {
      this.peers.delete(peer);
      peer.streams.closeAll();
    });
    socket.on('pong', () => (peer.alive = true));
    socket.on('message', (data, isBinary) => this.onMessage(peer, data, isBinary));

    this.send(peer, { type: 'hello', version: this.options.version, role: caller.role });
    const status = this.options.bus.lastPayload('engine.status');
    if (status !== undefined) this.send(peer, { type: 'event', event: 'engine.status', payload: status });
  }

  /** Closes the sockets whose caller matches (a session that ended, an account that changed). */
  closeWhere(match: (caller: Caller) => boolean): void {
    for (const peer of this.peers) {
      if (!match(peer.caller)) continue;
      this.peers.delete(peer);
      peer.streams.closeAll();
      peer.socket.close(4401, 'Your session ended; sign in again.');
    }
  }

  close(): void {
    this.unsubscribe();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const peer of this.peers) {
      peer.streams.closeAll();
      peer.socket.close(1001, 'Berth is shutting down');
    }
    this.peers.clear();
  }

  private onMessage(peer: Peer, data: RawData, isBinary: boolean): void {
    if (isBinary) return this.sendError(peer, 'Binary messages are not supported: send JSON text.');
    const buf = toBuffer(data);
    if (buf.length > this.maxMessageBytes) {
      return this.sendError(
        peer,
        `Message too large (${buf.length} bytes; the limit is ${this.maxMessageBytes}).`,
      );
    }
    let msg: unknown;
    try {
      msg = JSON.parse(buf.toString('utf8'));
    } catch {
      return this.sendError(peer, 'Message is not valid JSON.');
    }
    if (typeof msg !== 'object' || msg === null)
      return this.sendError(peer, 'Message must be a JSON object.');
    const { type, id, method, params } = msg as Record<string, unknown>;
    if (typeof type === 'string' && STREAM_MESSAGES.has(type)) {
      if (typeof id !== 'string') return this.sendError(peer, 'A stream message needs a string id.');
      peer.streams.handle(msg as StreamClientMessage);
      return;
    }
    if (type !== 'call') return this.sendError(peer, `Unknown message type: ${String(type).slice(0, 50)}`);
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      return this.sendError(peer, 'A call needs a numeric id.');
    }
    if (peer.inFlight >= this.maxInFlight) {
      const error: BerthErrorData = {
        code: ErrorCode.INTERNAL,
        message: `Too many calls in flight on this connection (limit ${this.maxInFlight}); retry when some finish.`,
      };
      return this.send(peer, { type: 'result', id, result: { ok: false, error } });
    }
    peer.inFlight += 1;
    // The dispatcher never rejects; the catch only guards against a broken Backend implementation.
    this.options
      .dispatch(method, params, peer.caller)
      .catch((err: unknown) => ({
        ok: false as const,
        error: { code: ErrorCode.INTERNAL, message: `Unexpected error: ${String(err)}` },
      }))
      .then((result) => {
        peer.inFlight -= 1;
        this.send(peer, { type: 'result', id, result });
      })
      .catch((err: unknown) => console.error('[berth] web: sending a result failed:', err));
  }

  private sendError(peer: Peer, message: string): void {
    this.send(peer, { type: 'error', error: { code: ErrorCode.INVALID_ARGUMENT, message } });
  }

  private send(peer: Peer, msg: ServerMessage): void {
    const text = serialize(msg);
    if (text !== undefined) this.sendText(peer, text);
    else if (msg.type === 'result') {
      const error = {
        code: ErrorCode.INTERNAL,
        message: 'The result could not be serialised as JSON.',
      } as const;
      this.sendText(peer, JSON.stringify({ type: 'result', id: msg.id, result: { ok: false, error } }));
    }
  }

  private sendText(peer: Peer, text: string): void {
    const { socket } = peer;
    if (socket.readyState !== socket.OPEN) return;
    // A client that stopped reading would make us buffer every event forever. Dropping it is safe: the
    // client reconnects and relists, which is cheaper than unbounded memory in the backend.
    if (socket.bufferedAmount + text.length > this.maxBufferedBytes) {
      this.peers.delete(peer);
      socket.terminate();
      return;
    }
    socket.send(text);
  }

  private beat(): void {
    for (const peer of this.peers) {
      if (!peer.alive) {
        this.peers.delete(peer);
        peer.socket.terminate();
        continue;
      }
      peer.alive = false;
      peer.socket.ping();
    }
  }
}

function serialize(msg: ServerMessage): string | undefined {
  try {
    return JSON.stringify(msg);
  } catch (err) {
    console.error('[berth] web: message not serialisable:', err);
    return undefined;
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
