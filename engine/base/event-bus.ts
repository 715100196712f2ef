import type { EventMap, EventName } from '../contract';

type Listener<E extends EventName> = (payload: EventMap[E]) => void;
type AnyListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** Typed in-process pub/sub between services and hosts. Listener errors are contained, never rethrown. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly anyListeners = new Set<AnyListener>();
  /** The last payload of each event, so a host can send current state to a newly connected UI. */
  private readonly last = new Map<EventName, unknown>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.last.set(event, payload);
    for (const l of this.listeners.get(event) ?? []) safe(() => (l as Listener<E>)(payload));
    for (const l of this.anyListeners) safe(() => l(event, payload));
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  onAny(listener: AnyListener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  lastPayload<E extends EventName>(event: E): EventMap[E] | undefined {
    return this.last.get(event) as EventMap[E] | undefined;
  }

  clear(): void {
    this.listeners.clear();
    this.anyListeners.clear();
  }
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('[berth] event listener failed:', err);
  }
}
