import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupWebSocketClient } from '../testing/fakeSocket';

const handlers = () => ({ onData: vi.fn(), onEnd: vi.fn() });

describe('createWebSocketClient streams', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens streams with ids unique per client and routes data and ends to the right subscriber', () => {
    const { client, last } = setupWebSocketClient();
    last().open();
    const logs = handlers();
    const stats = handlers();
    client.stream('containers.logs', { id: 'web', tail: 10 }, logs);
    client.stream('containers.stats', { id: 'web' }, stats);
    expect(last().sent).toEqual([
      { type: 'stream-open', id: 's1', stream: 'containers.logs', params: { id: 'web', tail: 10 } },
      { type: 'stream-open', id: 's2', stream: 'containers.stats', params: { id: 'web' } },
    ]);
    last().receive({ type: 'stream-data', id: 's1', chunk: { lines: [{ stream: 'stdout', text: 'hi' }] } });
    last().receive({
      type: 'stream-end',
      id: 's2',
      error: { code: 'NOT_FOUND', message: 'No such container' },
    });
    last().receive({ type: 'stream-end', id: 's1' });
    last().receive({ type: 'stream-data', id: 's1', chunk: { lines: [] } }); // after the end: ignored
    expect(logs.onData).toHaveBeenCalledExactlyOnceWith({ lines: [{ stream: 'stdout', text: 'hi' }] });
    expect(logs.onEnd).toHaveBeenCalledExactlyOnceWith(undefined);
    expect(stats.onData).not.toHaveBeenCalled();
    expect(stats.onEnd).toHaveBeenCalledExactlyOnceWith({ code: 'NOT_FOUND', message: 'No such container' });
    client.dispose();
  });

  it('sends input and close, then delivers nothing more (not even onEnd) to a closed stream', () => {
    const { client, last } = setupWebSocketClient();
    last().open();
    const h = handlers();
    const sub = client.stream('containers.exec', { id: 'web', cmd: ['sh'] }, h);
    sub.send({ type: 'resize', cols: 100, rows: 30 });
    sub.close();
    sub.send({ type: 'data', data: 'eA==' });
    last().receive({ type: 'stream-data', id: 's1', chunk: { data: 'eA==' } });
    last().receive({ type: 'stream-end', id: 's1' });
    expect(last().sent.slice(1)).toEqual([
      { type: 'stream-input', id: 's1', input: { type: 'resize', cols: 100, rows: 30 } },
      { type: 'stream-close', id: 's1' },
    ]);
    expect(h.onData).not.toHaveBeenCalled();
    expect(h.onEnd).not.toHaveBeenCalled();
    client.dispose();
  });

  it('ends every open stream with ENGINE_UNREACHABLE when the socket drops; a new stream works after reconnect', () => {
    const { client, last, sockets } = setupWebSocketClient();
    last().open();
    const a = handlers();
    const b = handlers();
    client.stream('containers.logs', { id: 'a' }, a);
    client.stream('containers.logs', { id: 'b' }, b);
    last().drop();
    expect(a.onEnd).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ code: 'ENGINE_UNREACHABLE' }));
    expect(b.onEnd).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ code: 'ENGINE_UNREACHABLE' }));
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    last().open();
    const c = handlers();
    client.stream('containers.logs', { id: 'c' }, c);
    expect(last().sent).toEqual([
      { type: 'stream-open', id: 's3', stream: 'containers.logs', params: { id: 'c' } },
    ]);
    client.dispose();
  });

  it('holds an open (and its early input) until the socket opens, or ends it when it does not open in time', () => {
    const { client, last } = setupWebSocketClient({ connectWaitMs: 1000 });
    const early = handlers();
    const sub = client.stream('containers.attach', { id: 'web' }, early);
    sub.send({ type: 'data', data: 'YQ==' });
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([
      { type: 'stream-open', id: 's1', stream: 'containers.attach', params: { id: 'web' } },
      { type: 'stream-input', id: 's1', input: { type: 'data', data: 'YQ==' } },
    ]);
    last().drop();
    const late = handlers();
    client.stream('containers.stats', { id: 'web' }, late);
    vi.advanceTimersByTime(999);
    expect(late.onEnd).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late.onEnd).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ code: 'ENGINE_UNREACHABLE' }),
    );
    client.dispose();
  });

  it('ends streams with CANCELLED on dispose, also ones opened afterwards', async () => {
    const { client, last } = setupWebSocketClient();
    last().open();
    const before = handlers();
    client.stream('tasks.log', { id: 't1' }, before);
    client.dispose();
    expect(before.onEnd).toHaveBeenCalledWith(expect.objectContaining({ code: 'CANCELLED' }));
    const after = handlers();
    client.stream('tasks.log', { id: 't1' }, after);
    expect(after.onEnd).not.toHaveBeenCalled(); // not synchronously: the caller first gets its subscription
    await Promise.resolve();
    expect(after.onEnd).toHaveBeenCalledWith(expect.objectContaining({ code: 'CANCELLED' }));
  });

  it('builds transfer URLs on the page origin', () => {
    const plain = setupWebSocketClient({}, 'ws://127.0.0.1:7780/api/ws');
    expect(plain.client.transferUrl('abc_-1')).toBe('http://127.0.0.1:7780/api/transfer/abc_-1');
    plain.client.dispose();
    const tls = setupWebSocketClient({}, 'wss://berth.example/api/ws');
    expect(tls.client.transferUrl('x')).toBe('https://berth.example/api/transfer/x');
    tls.client.dispose();
    const explicit = setupWebSocketClient({ httpOrigin: 'http://localhost:9000' });
    expect(explicit.client.transferUrl('x/y')).toBe('http://localhost:9000/api/transfer/x%2Fy');
    explicit.client.dispose();
  });
});
