import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ErrorCode, fail, IPC_CHANNELS, type Result } from '../../engine/contract';
import type { Backend } from '../../engine/host/backend';
import type { Caller } from '../../engine/host/dispatcher';
import { isAppUrl } from './app-protocol';

/** The desktop user owns the machine's engine: every IPC call from Berth's own UI runs as admin. */
export const IPC_CALLER: Caller = { role: 'admin', user: 'local', via: 'ipc' };

export interface IpcHostOptions {
  backend: Pick<Backend, 'dispatch' | 'bus'>;
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

/** Installs the call handler and the event forwarder; the returned function removes both. */
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
  const unsubscribe = backend.bus.onAny((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.call);
  };
}
