import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { IPC_CHANNELS } from '../../engine/contract';
import { EventBus } from '../../engine/base/event-bus';
import { createTestBackend } from '../../engine/web/testing/backend';
import { FakeWebContents, ipcMain } from '../testing/fake-electron';
import { installIpcHost } from './ipc-host';

vi.mock('electron', () => import('../testing/fake-electron'));

const APP = { url: 'app://berth/index.html#/containers' };
const b64 = (text: string) => Buffer.from(text).toString('base64');

function setup() {
  // Real stream handlers with in-memory behaviour (logs: two lines then follow; exec: echo; stats: NOT_FOUND).
  const { streams, aborted, dispatch } = createTestBackend();
  const dispose = installIpcHost({
    backend: { dispatch, bus: new EventBus(), streams },
    target: () => undefined as WebContents | undefined,
  });
  const send = (sender: FakeWebContents, message: unknown, senderFrame: { url: string } | null = APP) => {
    const listener = ipcMain.listeners.get(IPC_CHANNELS.stream);
    if (!listener) throw new Error('no IPC stream listener installed');
    listener({ sender, senderFrame }, message);
  };
  const received = (c: FakeWebContents) =>
    c.sent.filter(([channel]) => channel === IPC_CHANNELS.streamData).map(([, m]) => m);
  return { send, received, aborted, dispose };
}

const logsOpen = (id: string) => ({
  type: 'stream-open',
  id,
  stream: 'containers.logs',
  params: { id: 'web' },
});

describe('IPC host streams', () => {
  beforeEach(() => {
    ipcMain.handlers.clear();
    ipcMain.listeners.clear();
  });

  it('runs streams for the app frame, sends data and ends to that window only, and forwards input', async () => {
    const { send, received } = setup();
    const win = new FakeWebContents();
    const other = new FakeWebContents();
    send(win, {
      type: 'stream-open',
      id: 't',
      stream: 'containers.exec',
      params: { id: 'web', cmd: ['sh'] },
    });
    send(win, { type: 'stream-input', id: 't', input: { type: 'data', data: b64('pwd') } });
    await vi.waitFor(() =>
      expect(received(win)).toEqual([{ type: 'stream-data', id: 't', chunk: { data: b64('pwd') } }]),
    );
    send(win, { type: 'stream-input', id: 't', input: { type: 'data', data: b64('exit') } });
    send(win, { type: 'stream-open', id: 'st', stream: 'containers.stats', params: { id: 'ghost' } });
    await vi.waitFor(() =>
      expect(received(win).slice(1)).toEqual([
        { type: 'stream-end', id: 't' },
        { type: 'stream-end', id: 'st', error: { code: 'NOT_FOUND', message: 'No such container: ghost' } },
      ]),
    );
    expect(received(other)).toEqual([]);
  });

  it('ignores stream messages from foreign frames and malformed messages', async () => {
    const { send, received } = setup();
    const win = new FakeWebContents();
    send(win, logsOpen('a'), { url: 'https://evil.example/' });
    send(win, logsOpen('b'), null);
    send(win, { type: 'stream-open', id: 3, stream: 'containers.logs', params: {} });
    send(win, 'stream-open');
    await new Promise((r) => setTimeout(r, 20));
    expect(received(win)).toEqual([]);
  });

  it('closes the streams of a window when it is destroyed, reloads, or its renderer crashes', async () => {
    const { send, received, aborted } = setup();
    const win = new FakeWebContents();
    send(win, logsOpen('a'));
    await vi.waitFor(() => expect(received(win)).toHaveLength(1));
    win.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true }); // hash route change: keep
    await new Promise((r) => setTimeout(r, 20));
    expect(aborted).toEqual([]);
    win.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }); // reload
    await vi.waitFor(() => expect(aborted).toEqual(['containers.logs']));

    send(win, logsOpen('a')); // the reloaded page may reuse ids
    await vi.waitFor(() => expect(received(win)).toHaveLength(2));
    win.emit('render-process-gone', {}, { reason: 'crashed' });
    await vi.waitFor(() => expect(aborted).toHaveLength(2));

    send(win, logsOpen('b'));
    await vi.waitFor(() => expect(received(win)).toHaveLength(3));
    win.destroyed = true;
    win.emit('destroyed');
    await vi.waitFor(() => expect(aborted).toHaveLength(3));
    expect(win.listenerCount('did-start-navigation')).toBe(0);
  });

  it('closes every stream and stops listening when disposed', async () => {
    const { send, received, aborted, dispose } = setup();
    const win = new FakeWebContents();
    send(win, logsOpen('a'));
    await vi.waitFor(() => expect(received(win)).toHaveLength(1));
    dispose();
    await vi.waitFor(() => expect(aborted).toEqual(['containers.logs']));
    expect(ipcMain.listeners.has(IPC_CHANNELS.stream)).toBe(false);
    expect(win.listenerCount('destroyed')).toBe(0);
  });
});
