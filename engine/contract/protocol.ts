import type { BerthErrorData, Result } from './errors';
import type { EventMap, EventName } from './events';
import type { MethodName } from './methods';

/**
 * The wire protocol of the web-mode WebSocket (`/api/ws`). The Electron IPC bridge carries the same
 * payloads over ipcRenderer.invoke ('berth:call') and webContents.send ('berth:event').
 */
export type ClientMessage = { type: 'call'; id: number; method: MethodName; params: unknown };

export type ServerMessage =
  | { type: 'hello'; version: string; role: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventMap[E] } }[EventName]
  | { type: 'error'; error: BerthErrorData };

export const IPC_CHANNELS = {
  call: 'berth:call',
  event: 'berth:event',
} as const;

/** HTTP paths of the web host. */
export const HTTP_PATHS = {
  websocket: '/api/ws',
  call: '/api/call/', // POST /api/call/<method> with JSON params → Result
  health: '/api/health',
} as const;

/** Name of the header / query parameter / cookie carrying the web-mode token. */
export const TOKEN_HEADER = 'x-berth-token';
export const TOKEN_QUERY = 'token';

/** What electron/preload exposes as `window.berth` (contextBridge). Only these two functions cross. */
export interface BerthBridge {
  call(method: MethodName, params: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}
