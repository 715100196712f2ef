import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { createTestBackend } from './testing/backend';
import { WsHub } from './ws-hub';

/** Just enough of a ws socket to observe what the hub sends and when it gives up on a slow client. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  terminated = false;
  send(text: string): void {
    this.sent.push(text);
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
    this.emit('close');
  }
  close(): void {
    this.terminate();
  }
  ping(): void {}
}

const caller = { role: 'admin', user: 'local', via: 'web' } as const;

describe('WsHub', () => {
  it('drops a client whose send buffer grows past the limit instead of buffering', () => {
    const backend = createTestBackend();
    const hub = new WsHub({ ...backend, version: '1', maxBufferedBytes: 1000, heartbeatMs: 0 });
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    hub.add(slow as unknown as WebSocket, caller);
    hub.add(fast as unknown as WebSocket, caller);
    slow.bufferedAmount = 999;
    backend.bus.emit('containers.changed', { kind: 'reset', items: [] });
    expect(slow.terminated).toBe(true);
    expect(fast.terminated).toBe(false);
    expect(fast.sent.at(-1)).toContain('containers.changed');
    expect(hub.size).toBe(1);
    hub.close();
  });

  it('stops forwarding events after close', () => {
    const backend = createTestBackend();
    const hub = new WsHub({ ...backend, version: '1', heartbeatMs: 0 });
    const socket = new FakeSocket();
    hub.add(socket as unknown as WebSocket, caller);
    hub.close();
    const count = socket.sent.length;
    backend.bus.emit('containers.changed', { kind: 'reset', items: [] });
    expect(socket.sent.length).toBe(count);
  });

  it('refuses calls beyond the in-flight limit with a result, so the caller is never left waiting', async () => {
    const backend = createTestBackend();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const dispatch = async (...args: Parameters<typeof backend.dispatch>) => {
      await gate;
      return backend.dispatch(...args);
    };
    const hub = new WsHub({
      dispatch,
      bus: backend.bus,
      streams: backend.streams,
      version: '1',
      maxInFlight: 1,
      heartbeatMs: 0,
    });
    const socket = new FakeSocket();
    hub.add(socket as unknown as WebSocket, caller);
    const call = (id: number) =>
      socket.emit(
        'message',
        Buffer.from(JSON.stringify({ type: 'call', id, method: 'engine.status', params: {} })),
        false,
      );
    call(1);
    call(2);
    expect(JSON.parse(socket.sent.at(-1) ?? '')).toMatchObject({
      type: 'result',
      id: 2,
      result: { ok: false },
    });
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(JSON.parse(socket.sent.at(-1) ?? '')).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: true },
    });
    hub.close();
  });
});
