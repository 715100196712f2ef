import { vi } from 'vitest';
import {
  ErrorCode,
  type EngineClient,
  type EventMap,
  type EventName,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
  type TransportState,
} from '../api/contract';

type Handler<M extends MethodName> = (params: MethodInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

/** An in-memory EngineClient for tests: scripted method handlers, recorded calls, manual events. */
export function createFakeClient(handlers: Handlers = {}) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const transport = new Set<(s: TransportState) => void>();
  const call = vi.fn(<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const handler = handlers[method];
    if (!handler) {
      return Promise.resolve({ ok: false, error: { code: ErrorCode.METHOD_NOT_FOUND, message: `no fake for ${method}` } });
    }
    return Promise.resolve(handler(params));
  });
  const client: EngineClient = {
    call: call as EngineClient['call'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    onTransportState: (listener) => {
      transport.add(listener);
      return () => transport.delete(listener);
    },
    dispose: () => undefined,
  };
  return {
    client,
    call,
    handlers,
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setTransport(state: TransportState) {
      for (const l of transport) l(state);
    },
    /** Calls of one method, by their params. */
    callsOf(method: MethodName): unknown[] {
      return call.mock.calls.filter(([m]) => m === method).map(([, p]) => p);
    },
  };
}
export type FakeClient = ReturnType<typeof createFakeClient>;
