// Browser side of the Chromium benches: an in-page engine client that answers list calls from a table and lets
// the bench push events through the real store, as the backend would. Bundled into each bench page.
import { ErrorCode, type EngineClient, type EventMap, type EventName } from '../../renderer/src/api/contract';

export interface BenchClient {
  client: EngineClient;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

/** `answers[method]` is what a call returns; any other method fails as unknown to the bench. */
export function benchClient(answers: Record<string, unknown>): BenchClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const client: EngineClient = {
    call: ((method: string) =>
      Promise.resolve(
        method in answers
          ? { ok: true, value: answers[method] }
          : { ok: false, error: { code: ErrorCode.METHOD_NOT_FOUND, message: `not in the bench: ${method}` } },
      )) as EngineClient['call'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    onTransportState: (listener) => {
      setTimeout(() => listener('open'), 0);
      return () => undefined;
    },
    stream: () => ({ send: () => undefined, close: () => undefined }),
    transferUrl: (id) => `/api/transfer/${id}`,
    dispose: () => undefined,
  };
  return {
    client,
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}
