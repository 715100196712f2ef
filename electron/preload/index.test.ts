import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type BerthBridge } from '../../engine/contract';
import { contextBridge, ipcRenderer } from '../testing/fake-electron';

vi.mock('electron', () => import('../testing/fake-electron'));

async function exposed(): Promise<{ name: unknown; api: BerthBridge }> {
  await import('./index');
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  return { name, api: api as BerthBridge };
}

describe('preload bridge', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.send.mockClear();
  });

  it('exposes exactly call, onEvent, stream and onStream as window.berth', async () => {
    const { name, api } = await exposed();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('berth');
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent', 'onStream', 'stream']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('calls the backend through invoke on the call channel', async () => {
    const { api } = await exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    expect(await api.call('containers.list', {})).toEqual({ ok: true, value: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.call, 'containers.list', {});
  });

  it('turns a failed invoke into error data instead of a rejection', async () => {
    const { api } = await exposed();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'berth:call'"));
    expect(await api.call('engine.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes event name and payload, never the IpcRendererEvent, and unsubscribes', async () => {
    const { api } = await exposed();
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'engine.status', { state: 'connected' });
    expect(listener.mock.calls).toEqual([['engine.status', { state: 'connected' }]]);

    ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'not.an.event', {});
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.event)).toBe(0);
    ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'engine.status', { state: 'stopped' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sends stream messages on the stream channel', async () => {
    const { api } = await exposed();
    api.stream({ type: 'stream-open', id: 's1', stream: 'containers.logs', params: { id: 'web' } });
    api.stream({ type: 'stream-close', id: 's1' });
    expect(ipcRenderer.send.mock.calls).toEqual([
      [
        IPC_CHANNELS.stream,
        { type: 'stream-open', id: 's1', stream: 'containers.logs', params: { id: 'web' } },
      ],
      [IPC_CHANNELS.stream, { type: 'stream-close', id: 's1' }],
    ]);
  });

  it('passes only the stream message to stream listeners, drops malformed ones, and unsubscribes', async () => {
    const { api } = await exposed();
    const listener = vi.fn();
    const unsubscribe = api.onStream(listener);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(IPC_CHANNELS.streamData, ipcEvent, {
      type: 'stream-data',
      id: 's1',
      chunk: { lines: [] },
    });
    ipcRenderer.emit(IPC_CHANNELS.streamData, ipcEvent, { type: 'stream-end', id: 's1' });
    ipcRenderer.emit(IPC_CHANNELS.streamData, ipcEvent, { type: 'stream-data', id: 1 });
    ipcRenderer.emit(IPC_CHANNELS.streamData, ipcEvent, 'garbage');
    expect(listener.mock.calls).toEqual([
      [{ type: 'stream-data', id: 's1', chunk: { lines: [] } }],
      [{ type: 'stream-end', id: 's1' }],
    ]);
    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.streamData)).toBe(0);
  });
});
