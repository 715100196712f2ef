import { describe, expect, it, vi } from 'vitest';
import type { BerthBridge, EventName, TransportState } from './contract';
import { createIpcClient } from './ipcClient';

function fakeBridge() {
  let emit: (event: EventName, payload: unknown) => void = () => undefined;
  const off = vi.fn();
  const call = vi.fn(() => Promise.resolve({ ok: true as const, value: 'pong' }));
  const bridge: BerthBridge = {
    call,
    onEvent: (listener) => {
      emit = listener;
      return off;
    },
  };
  return { bridge, call, emit: (e: EventName, p: unknown) => emit(e, p), off };
}

describe('createIpcClient', () => {
  it('forwards calls and events, reports an open transport, and unhooks on dispose', async () => {
    const { bridge, call, emit, off } = fakeBridge();
    const client = createIpcClient(bridge);
    await expect(client.call('containers.start', { id: 'web' })).resolves.toEqual({ ok: true, value: 'pong' });
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
  });

  it('turns a rejected bridge call into an INTERNAL result instead of throwing', async () => {
    const { bridge } = fakeBridge();
    bridge.call = () => Promise.reject(new Error('boom'));
    const client = createIpcClient(bridge);
    await expect(client.call('containers.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
