import type { BerthErrorData, Result } from './errors';
import type { EventMap, EventName } from './events';
import type { MethodName } from './methods';
import type { Role } from './roles';
import type { StreamName } from './streams';

/**
 * The wire protocol of the web-mode WebSocket (`/api/ws`). The Electron IPC bridge carries the same
 * payloads over ipcRenderer.invoke ('berth:call') and webContents.send ('berth:event').
 */
export type ClientMessage =
  { type: 'call'; id: number; method: MethodName; params: unknown } | StreamClientMessage;

/**
 * Streams (logs, stats, terminal): the client picks the stream id (unique per connection), opens, may send
 * input, and closes; the server sends data until it ends the stream (with an error when it failed). Over IPC
 * the same messages travel through `BerthBridge.stream` / `onStream`.
 */
export type StreamClientMessage =
  | { type: 'stream-open'; id: string; stream: StreamName; params: unknown }
  | { type: 'stream-input'; id: string; input: unknown }
  | { type: 'stream-close'; id: string };

export type StreamServerMessage =
  | { type: 'stream-data'; id: string; chunk: unknown }
  | { type: 'stream-end'; id: string; error?: BerthErrorData };

export type ServerMessage =
  | { type: 'hello'; version: string; role: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventMap[E] } }[EventName]
  | { type: 'error'; error: BerthErrorData }
  | StreamServerMessage;

export const IPC_CHANNELS = {
  call: 'berth:call',
  event: 'berth:event',
  /** renderer → main: StreamClientMessage (ipcRenderer.send) */
  stream: 'berth:stream',
  /** main → renderer: StreamServerMessage (webContents.send) */
  streamData: 'berth:stream-data',
} as const;

/** HTTP paths of the web host. */
export const HTTP_PATHS = {
  websocket: '/api/ws',
  call: '/api/call/', // POST /api/call/<method> with JSON params → Result
  health: '/api/health',
  /** GET (download) or POST (upload, raw body) /api/transfer/<transferId>; see TransferTicket. */
  transfer: '/api/transfer/',
  /** POST: exchanges a one-time login code ({ code }) or the x-berth-token header for a browser session; GET: checks one. */
  session: '/api/session',
  /** GET (public): AuthMode, how this server signs people in. */
  auth: '/api/auth',
  /** POST (public) { username, password } → WebSessionGrant (accounts mode). */
  login: '/api/login',
  /** POST (public) { token, username, password }: the first admin, once (accounts mode, first run). */
  setup: '/api/setup',
  /** POST with the session header: ends that session. */
  logout: '/api/logout',
} as const;

/** Where the renderer fetches a transfer ticket's bytes: same origin in web mode, app://berth in Electron. */
export const transferPath = (transferId: string): string =>
  `${HTTP_PATHS.transfer}${encodeURIComponent(transferId)}`;

/** Header carrying a web-mode credential (a session secret or the per-launch API token). */
export const TOKEN_HEADER = 'x-berth-token';
/**
 * Browsers cannot set headers on a WebSocket, so the page offers two subprotocols: WS_PROTOCOL (the one the
 * server selects) and WS_CREDENTIAL_PREFIX + its session secret. No cookie is ever used (cookies ignore ports).
 */
export const WS_PROTOCOL = 'berth.v1';
export const WS_CREDENTIAL_PREFIX = 'berth.session.';
/** Fragment keys of the URL Berth prints (`/#code=`: one-time) and of a script-made URL (`/#token=`: API token). */
export const LOGIN_CODE_FRAGMENT = 'code';
export const LOGIN_TOKEN_FRAGMENT = 'token';
/** Query parameter of a transfer URL carrying the session's transfer key (binds the ticket to its session). */
export const TRANSFER_KEY_QUERY = 'k';

/** The answer of HTTP_PATHS.session. */
export interface WebSessionGrant {
  secret: string;
  transferKey: string;
  role: Role;
  user: string;
}

/** What electron/preload exposes as `window.berth` (contextBridge). Only these two functions cross. */
export interface BerthBridge {
  call(method: MethodName, params: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Sends a stream message (open, input, close) to the main process. */
  stream(message: StreamClientMessage): void;
  onStream(listener: (message: StreamServerMessage) => void): () => void;
}
