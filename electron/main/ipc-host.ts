import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ErrorCode, fail, IPC_CHANNELS, type Result, type StreamClientMessage } from '../../engine/contract';
import type { Backend } from '../../engine/host/backend';
import type { Caller } from '../../engine/base/audit';
import { StreamHost } from '../../engine/host/stream-host';
import { isAppUrl } from './app-protocol';

/** The desktop user owns the machine's engine: every IPC call from Berth's own UI runs as admin. */
export const IPC_CALLER: Caller = { role: 'admin', user: 'local', via: 'ipc' };

export interface IpcHostOptions {
  backend: Pick<Backend, 'dispatch' | 'bus' | 'streams'>;
  /** The window's contents that receive pushed events (undefined while no window exists). */
  target: () => WebContents | undefined;
}

/**
 * The sender frame must still exist and be on the app origin. A frame that navigated elsewhere, an injected
 * iframe or any other page that somehow got the preload is refused before the dispatcher sees the call.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

const STREAM_MESSAGES = new Set(['stream-open', 'stream-input', 'stream-close']);

function isStreamClientMessage(value: unknown): value is StreamClientMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.type === 'string' && STREAM_MESSAGES.has(m.type) && typeof m.id === 'string';
}

/** Electron passes navigation details as properties of the event object (Electron 25+). */
interface NavigationDetails {
  isMainFrame?: boolean;
  isSameDocument?: boolean;
}

/** Installs the call handler, the stream channel and the event forwarder; the returned function removes all. */
export function installIpcHost({ backend, target }: IpcHostOptions): () => void {
  ipcMain.handle(
    IPC_CHANNELS.call,
    async (event, method: unknown, params: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail(ErrorCode.FORBIDDEN, 'This page is not allowed to talk to Berth.');
      }
      return backend.dispatch(method, params, IPC_CALLER);
    },
  );

  // One StreamHost per window contents, like one per WebSocket in web mode. Its streams end when the page
  // goes away (window closed, reload, renderer crash), so no handler outlives the view that opened it.
  const hosts = new Map<WebContents, { host: StreamHost; release: () => void }>();
  const hostFor = (contents: WebContents): StreamHost => {
    const existing = hosts.get(contents);
    if (existing) return existing.host;
    const host = new StreamHost(
      backend.streams,
      {
        send: (message) => {
          if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.streamData, message);
        },
        // IPC has no visible send buffer; Chromium queues for us.
        bufferedBytes: () => 0,
      },
      IPC_CALLER,
    );
    const closeAll = () => host.closeAll();
    const gone = () => {
      host.closeAll();
      release();
    };
    const onNavigation = (details: NavigationDetails) => {
      if (details.isMainFrame !== false && details.isSameDocument !== true) closeAll();
    };
    const release = () => {
      hosts.delete(contents);
      contents.removeListener('destroyed', gone);
      contents.removeListener('render-process-gone', closeAll);
      contents.removeListener('did-start-navigation', onNavigation);
    };
    contents.on('destroyed', gone);
    contents.on('render-process-gone', closeAll);
    contents.on('did-start-navigation', onNavigation);
    hosts.set(contents, { host, release });
    return host;
  };
  const onStream = (event: IpcMainEvent, message: unknown): void => {
    if (!isTrustedSender(event) || !isStreamClientMessage(message)) return;
    hostFor(event.sender).handle(message);
  };
  ipcMain.on(IPC_CHANNELS.stream, onStream);

  const unsubscribe = backend.bus.onAny((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.call);
    ipcMain.removeListener(IPC_CHANNELS.stream, onStream);
    for (const { host, release } of [...hosts.values()]) {
      host.closeAll();
      release();
    }
  };
}
