import type { EventMap, EventName, TransportState } from './contract';

type AnyListener = (payload: unknown) => void;

/** Event and transport-state listeners shared by every transport; each subscription returns its disposer. */
export function createListenerHub() {
  const events = new Map<EventName, Set<AnyListener>>();
  const transport = new Set<(state: TransportState) => void>();

  return {
    on: <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): (() => void) => {
      const set = events.get(event) ?? new Set<AnyListener>();
      events.set(event, set);
      const wrapped = listener as AnyListener;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    emit: (event: EventName, payload: unknown): void => {
      for (const listener of [...(events.get(event) ?? [])]) listener(payload);
    },
    onTransportState: (listener: (state: TransportState) => void): (() => void) => {
      transport.add(listener);
      return () => {
        transport.delete(listener);
      };
    },
    emitTransport: (state: TransportState): void => {
      for (const listener of [...transport]) listener(state);
    },
    clear: (): void => {
      events.clear();
      transport.clear();
    },
  };
}
