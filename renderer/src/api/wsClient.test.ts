import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary, EngineStatus, TransportState } from './contract';
import { createWebSocketClient } from './wsClient';
import { webSocketUrl } from './defaultClient';
import { FakeSocket, setupWebSocketClient } from '../testing/fakeSocket';

function setup(options: { connectWaitMs?: number } = {}) {
  return setupWebSocketClient(options);
}

describe('createWebSocketClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends calls with increasing ids and routes each result to its caller', async () => {
    const { client, last } = setup();
    last().open();
    const a = client.call('containers.list', {});
    const b = client.call('containers.stop', { id: 'web' });
    expect(last().sent).toEqual([
      { type: 'call', id: 1, method: 'containers.list', params: {} },
      { type: 'call', id: 2, method: 'containers.stop', params: { id: 'web' } },
    ]);
    last().receive({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } },
    });
    last().receive({ type: 'result', id: 1, result: { ok: true, value: [] } });
    await expect(a).resolves.toEqual({ ok: true, value: [] });
    await expect(b).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    client.dispose();
  });

  it('delivers events to listeners of that event only, and stops after unsubscribe', () => {
    const { client, last } = setup();
    last().open();
    const status = vi.fn<(s: EngineStatus) => void>();
    const changed = vi.fn();
    const off = client.on('engine.status', status);
    client.on('containers.changed', changed);
    const payload: EngineStatus = { state: 'connected', since: 1 };
    last().receive({ type: 'hello', version: '0.1.0', role: 'admin' });
    last().receive({ type: 'event', event: 'engine.status', payload });
    last().receive({ type: 'event', event: 'not.a.real.event', payload: {} });
    expect(status).toHaveBeenCalledExactlyOnceWith(payload);
    expect(changed).not.toHaveBeenCalled();
    off();
    last().receive({ type: 'event', event: 'engine.status', payload });
    expect(status).toHaveBeenCalledTimes(1);
    const patch = { kind: 'patch', upserts: [] as ContainerSummary[], removed: ['x'] };
    last().receive({ type: 'event', event: 'containers.changed', payload: patch });
    expect(changed).toHaveBeenCalledWith(patch);
    client.dispose();
  });

  it('queues calls made while connecting and sends them once the socket opens', async () => {
    const { client, last } = setup();
    const pending = client.call('engine.status', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ type: 'call', id: 1, method: 'engine.status', params: {} }]);
    last().receive({ type: 'result', id: 1, result: { ok: true, value: { state: 'connected', since: 0 } } });
    await expect(pending).resolves.toMatchObject({ ok: true });
    client.dispose();
  });

  it('fails a queued call with ENGINE_UNREACHABLE when the socket does not open in time', async () => {
    const { client } = setup({ connectWaitMs: 1000 });
    const pending = client.call('containers.list', {});
    vi.advanceTimersByTime(1000);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    client.dispose();
  });

  it('fails in-flight calls when the socket drops, then reconnects with growing backoff', async () => {
    const { client, sockets, last } = setup();
    const states: TransportState[] = [];
    client.onTransportState((s) => states.push(s));
    last().open();
    const late: TransportState[] = [];
    client.onTransportState((s) => late.push(s));
    expect(late).toEqual(['open']);
    const inFlight = client.call('containers.list', {});
    last().drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(sockets).toHaveLength(1);

    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop(); // refused again: the next wait doubles
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'open']);

    last().drop(); // a successful open resets the backoff
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(4);
    client.dispose();
  });

  it('ignores a stale socket and stops reconnecting after dispose', async () => {
    const { client, sockets, last } = setup();
    last().open();
    const first = last();
    first.drop();
    vi.advanceTimersByTime(100);
    const listener = vi.fn();
    client.on('engine.status', listener);
    first.receive({ type: 'event', event: 'engine.status', payload: { state: 'connected', since: 0 } });
    expect(listener).not.toHaveBeenCalled();
    last().open();
    const call = client.call('containers.list', {});
    client.dispose();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(last().closed).toBe(true);
    last().drop();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(2);
  });

  it('reports server errors that are not tied to a call', () => {
    const onServerError = vi.fn();
    const sockets: FakeSocket[] = [];
    const client = createWebSocketClient('ws://x', {
      createSocket: (u) => {
        const s = new FakeSocket(u);
        sockets.push(s);
        return s;
      },
      onServerError,
    });
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'error', error: { code: 'UNAUTHENTICATED', message: 'Log in again.' } });
    expect(onServerError).toHaveBeenCalledWith({ code: 'UNAUTHENTICATED', message: 'Log in again.' });
    client.dispose();
  });
});

describe('web session on the socket and transfer URLs', () => {
  it('offers the session as a subprotocol and puts the transfer key, not the secret, on transfer URLs', () => {
    const offered: string[][] = [];
    const client = createWebSocketClient('ws://127.0.0.1:4000/api/ws', {
      createSocket: (u, protocols) => {
        offered.push(protocols);
        return new FakeSocket(u);
      },
      session: { secret: 'the-secret', transferKey: 'the-key' },
    });
    expect(offered).toEqual([['berth.v1', 'berth.session.the-secret']]);
    const url = client.transferUrl('t1');
    expect(url).toBe('http://127.0.0.1:4000/api/transfer/t1?k=the-key');
    expect(url).not.toContain('the-secret');
    client.dispose();
  });
});

describe('webSocketUrl', () => {
  it('uses ws for http and wss for https, on the same host', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/api/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'berth.example' })).toBe('wss://berth.example/api/ws');
  });
});
