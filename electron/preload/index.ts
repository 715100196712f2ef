import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Deep imports keep the sandboxed preload bundle tiny: these files carry no runtime dependency (no zod).
import { ErrorCode, fail, type Result } from '../../engine/contract/errors';
import { isEventName, type EventName } from '../../engine/contract/events';
import type { MethodName } from '../../engine/contract/methods';
import {
  IPC_CHANNELS,
  type BerthBridge,
  type StreamClientMessage,
  type StreamServerMessage,
} from '../../engine/contract/protocol';

/** Only well-formed stream messages reach the page: the main process is trusted, but a typo should not crash views. */
function isStreamServerMessage(value: unknown): value is StreamServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (m.type === 'stream-data' || m.type === 'stream-end') && typeof m.id === 'string';
}

/**
 * `window.berth`: exactly the functions of BerthBridge. The renderer never gets ipcRenderer or an
 * IpcRendererEvent (whose `sender` is ipcRenderer itself), only plain data.
 */
export const bridge: BerthBridge = {
  async call(method: MethodName, params: unknown): Promise<Result<unknown>> {
    try {
      return (await ipcRenderer.invoke(IPC_CHANNELS.call, method, params)) as Result<unknown>;
    } catch (err) {
      // invoke rejects only when the main process has no handler or the arguments cannot be cloned;
      // the contract says nothing throws across a boundary, so it becomes error data.
      const message = err instanceof Error ? err.message : String(err);
      return fail(ErrorCode.INTERNAL, `Berth's backend did not answer: ${message}`);
    }
  },
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_CHANNELS.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, forward);
    };
  },
  stream(message: StreamClientMessage): void {
    // Fire-and-forget like a WebSocket frame; answers come back on the streamData channel.
    ipcRenderer.send(IPC_CHANNELS.stream, message);
  },
  onStream(listener: (message: StreamServerMessage) => void): () => void {
    const forward = (_event: IpcRendererEvent, message: unknown): void => {
      if (isStreamServerMessage(message)) listener(message);
    };
    ipcRenderer.on(IPC_CHANNELS.streamData, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.streamData, forward);
    };
  },
};

contextBridge.exposeInMainWorld('berth', bridge);
