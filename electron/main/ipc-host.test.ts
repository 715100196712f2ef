import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { IPC_CHANNELS, type EngineStatus, type Result } from '../../engine/contract';
import type { Dispatch } from '../../engine/host/dispatcher';
import { EventBus } from '../../engine/base/event-bus';
import { createTestBackend } from '../../engine/web/testing/backend';
import { FakeWebContents, ipcMain } from '../testing/fake-electron';
import { installIpcHost } from './ipc-host';

vi.mock('electron', () => import('../testing/fake-electron'));

const connected: EngineStatus = { state: 'connected', since: 1_700_000_000_000 };

function setup() {
  const dispatch = vi.fn<Dispatch>(() => Promise.resolve({ ok: true, value: 'dispatched' }));
  const bus = new EventBus();
  const { streams } = createTestBackend();
  const contents = new FakeWebContents();
  let target: FakeWebContents | undefined = contents;
  const dispose = installIpcHost({
    backend: { dispatch, bus, streams },
    target: () => target as unknown as WebContents | undefined,
  });
  const call = (senderFrame: { url: string } | null, method: unknown, params: unknown) => {
    const handler = ipcMain.handlers.get(IPC_CHANNELS.call);
    if (!handler) throw new Error('no IPC handler installed');
    return handler({ senderFrame }, method, params) as Promise<Result<unknown>>;
  };
  return { dispatch, bus, contents, dispose, call, dropTarget: () => (target = undefined) };
}

describe('IPC host', () => {
  beforeEach(() => {
    ipcMain.handlers.clear();
    ipcMain.listeners.clear();
  });

  it('refuses calls from a foreign or vanished frame without dispatching', async () => {
    const { dispatch, call } = setup();
    for (const frame of [
      { url: 'https://evil.example/' },
      { url: 'file:///home/user/page.html' },
      { url: 'app://berth.evil/' },
      { url: '' },
      null,
    ]) {
      expect(await call(frame, 'containers.remove', { id: 'db', force: true })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('dispatches calls from the app frame as the local admin', async () => {
    const { dispatch, call } = setup();
    const result = await call({ url: 'app://berth/index.html#/containers' }, 'containers.stop', {
      id: 'web',
    });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith(
      'containers.stop',
      { id: 'web' },
      { role: 'admin', user: 'local', via: 'ipc' },
    );
  });

  it('forwards every bus event to the window, and nothing when there is no live window', () => {
    const { bus, contents, dropTarget } = setup();
    bus.emit('engine.status', connected);
    bus.emit('containers.changed', { kind: 'patch', upserts: [], removed: ['abc'] });
    expect(contents.sent).toEqual([
      [IPC_CHANNELS.event, 'engine.status', connected],
      [IPC_CHANNELS.event, 'containers.changed', { kind: 'patch', upserts: [], removed: ['abc'] }],
    ]);
    contents.destroyed = true;
    bus.emit('engine.status', connected);
    dropTarget();
    bus.emit('engine.status', connected);
    expect(contents.sent).toHaveLength(2);
  });

  it('removes its handler and bus listener when disposed', () => {
    const { bus, contents, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.has(IPC_CHANNELS.call)).toBe(false);
    expect(ipcMain.listeners.has(IPC_CHANNELS.stream)).toBe(false);
    bus.emit('engine.status', connected);
    expect(contents.sent).toEqual([]);
  });
});
