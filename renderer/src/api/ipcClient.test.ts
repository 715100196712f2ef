import { describe, expect, it, vi } from 'vitest';
import type {
  BerthBridge,
  EventName,
  StreamClientMessage,
  StreamServerMessage,
  TransportState,
} from './contract';
import { createIpcClient } from './ipcClient';

function fakeBridge() {
  let emit: (event: EventName, payload: unknown) => void = () => undefined;
  let push: (message: StreamServerMessage) => void = () => undefined;
  const off = vi.fn();
  const offStream = vi.fn();
  const sent: StreamClientMessage[] = [];
  const call = vi.fn(() => Promise.resolve({ ok: true as const, value: 'pong' }));
  const bridge: BerthBridge = {
    call,
    onEvent: (listener) => {
      emit = listener;
      return off;
    },
    stream: (message) => {
      sent.push(message);
    },
    onStream: (listener) => {
      push = listener;
      return offStream;
    },
  };
  return {
    bridge,
    call,
    sent,
    emit: (e: EventName, p: unknown) => emit(e, p),
    push: (m: StreamServerMessage) => push(m),
    off,
    offStream,
  };
}

describe('createIpcClient', () => {
  it('forwards calls and events, reports an open transport, and unhooks on dispose', async () => {
    const { bridge, call, emit, off, offStream } = fakeBridge();
    const client = createIpcClient(bridge);
    await expect(client.call('containers.start', { id: 'web' })).resolves.toEqual({
      ok: true,
      value: 'pong',
    });
    expect(call).toHaveBeenCalledWith('containers.start', { id: 'web' });
    const states: TransportState[] = [];
    client.onTransportState((s) => states.push(s));
    expect(states).toEqual(['open']);
    const listener = vi.fn();
    client.on('engine.status', listener);
    emit('engine.status', { state: 'connected', since: 0 });
    expect(listener).toHaveBeenCalledWith({ state: 'connected', since: 0 });
    client.dispose();
    expect(off).toHaveBeenCalled();
    expect(offStream).toHaveBeenCalled();
  });

  it('turns a rejected bridge call into an INTERNAL result instead of throwing', async () => {
    const { bridge } = fakeBridge();
    bridge.call = () => Promise.reject(new Error('boom'));
    const client = createIpcClient(bridge);
    await expect(client.call('containers.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('opens, feeds, and closes streams over the bridge, each id routed to its own subscriber', () => {
    const { bridge, sent, push } = fakeBridge();
    const client = createIpcClient(bridge);
    const a = { onData: vi.fn(), onEnd: vi.fn() };
    const b = { onData: vi.fn(), onEnd: vi.fn() };
    const term = client.stream('containers.exec', { id: 'web', cmd: ['sh'] }, a);
    client.stream('tasks.log', { id: 't1' }, b);
    expect(sent).toEqual([
      { type: 'stream-open', id: 's1', stream: 'containers.exec', params: { id: 'web', cmd: ['sh'] } },
      { type: 'stream-open', id: 's2', stream: 'tasks.log', params: { id: 't1' } },
    ]);
    term.send({ type: 'data', data: 'bHMK' });
    push({ type: 'stream-data', id: 's1', chunk: { data: 'aGk=' } });
    push({ type: 'stream-end', id: 's2', error: { code: 'NOT_FOUND', message: 'No such task' } });
    expect(a.onData).toHaveBeenCalledWith({ data: 'aGk=' });
    expect(b.onData).not.toHaveBeenCalled();
    expect(b.onEnd).toHaveBeenCalledWith({ code: 'NOT_FOUND', message: 'No such task' });
    term.close();
    push({ type: 'stream-data', id: 's1', chunk: { data: 'bGF0ZQ==' } });
    expect(a.onData).toHaveBeenCalledTimes(1);
    expect(a.onEnd).not.toHaveBeenCalled();
    expect(sent.slice(2)).toEqual([
      { type: 'stream-input', id: 's1', input: { type: 'data', data: 'bHMK' } },
      { type: 'stream-close', id: 's1' },
    ]);
  });

  it('ends a stream at once when the bridge throws, and serves transfers from app://berth', () => {
    const { bridge } = fakeBridge();
    bridge.stream = () => {
      throw new Error('bridge gone');
    };
    const client = createIpcClient(bridge);
    const onEnd = vi.fn();
    vi.useFakeTimers();
    try {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      client.stream('containers.stats', { id: 'web' }, { onData: vi.fn(), onEnd });
      vi.runAllTimers();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
    expect(onEnd).toHaveBeenCalledWith(expect.objectContaining({ code: 'INTERNAL' }));
    expect(client.transferUrl('ab/c')).toBe('app://berth/api/transfer/ab%2Fc');
  });

  it('ends open streams with CANCELLED and tells the backend when disposed', () => {
    const { bridge, sent } = fakeBridge();
    const client = createIpcClient(bridge);
    const onEnd = vi.fn();
    client.stream('containers.logs', { id: 'web' }, { onData: vi.fn(), onEnd });
    client.dispose();
    expect(onEnd).toHaveBeenCalledWith(expect.objectContaining({ code: 'CANCELLED' }));
    expect(sent.at(-1)).toEqual({ type: 'stream-close', id: 's1' });
  });
});
