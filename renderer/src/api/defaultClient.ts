import { HTTP_PATHS, type BerthBridge, type EngineClient, type WebSessionGrant } from './contract';
import { createIpcClient } from './ipcClient';
import { createWebSocketClient } from './wsClient';

declare global {
  interface Window {
    /** Present in Electron: the preload bridge. Absent in web mode. */
    berth?: BerthBridge;
  }
}

/** The WebSocket URL of the web host serving this page (same origin; the session goes as a subprotocol). */
export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}${HTTP_PATHS.websocket}`;
}

/** IPC in Electron (window.berth exists), else WebSocket to the origin that served the page, as `session`. */
export function createDefaultClient(win: Window = window, session?: WebSessionGrant): EngineClient {
  if (win.berth) return createIpcClient(win.berth);
  return createWebSocketClient(webSocketUrl(win.location), {
    httpOrigin: win.location.origin,
    ...(session ? { session } : {}),
  });
}
