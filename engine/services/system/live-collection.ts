import type Dockerode from 'dockerode';
import { ErrorCode, type EventMap } from '../../contract';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import type { EventBus } from '../../base/event-bus';
import type { RelistReason } from '../engine/engine-manager';

/** The slice of the engine connection a live collection needs (EngineManager implements it). */
export interface LiveEngine {
  docker(): Dockerode;
  onEvent(listener: (event: DockerEvent) => void): () => void;
  onRelist(listener: (reason: RelistReason) => void): () => void;
}

type CollectionEvent = 'volumes.changed' | 'networks.changed';
type ItemOf<E extends CollectionEvent> = Extract<EventMap[E], { kind: 'reset' }>['items'][number];

export interface LiveCollectionOptions<E extends CollectionEvent> {
  event: E;
  what: string;
  keyOf(item: ItemOf<E>): string;
  /** Which keys an engine event touches (may need a lookup, e.g. a container's volumes). */
  keysFor(event: DockerEvent, current: ReadonlyMap<string, ItemOf<E>>, docker: Dockerode): Promise<string[]> | string[];
  list(docker: Dockerode): Promise<ItemOf<E>[]>;
  /** The current items for these keys; keys not returned are gone. */
  fetch(docker: Dockerode, keys: string[]): Promise<ItemOf<E>[]>;
  /** Runs after each full (re)list, e.g. to clean up leftovers of a crash. */
  afterRelist?(docker: Dockerode, reason: RelistReason): Promise<void>;
  coalesceMs?: number;
}

/**
 * A collection kept live from the engine's one /events stream: an event leads to fetching only the items it
 * touches (coalesced over a short window) and one patch; every (re)connect and reconciliation sends a reset.
 * The last state is kept so events that do not name the item (a container removed) can still find it.
 */
export class LiveCollection<E extends CollectionEvent> {
  private readonly items = new Map<string, ItemOf<E>>();
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[];
  private disposed = false;

  constructor(
    private readonly engine: LiveEngine,
    private readonly bus: EventBus,
    private readonly options: LiveCollectionOptions<E>,
  ) {
    this.unsubscribe = [
      engine.onEvent((event) => void this.onEngineEvent(event)),
      engine.onRelist((reason) => void this.relist(reason)),
    ];
  }

  /** The last known items (kept up to date by events). */
  get current(): ReadonlyMap<string, ItemOf<E>> {
    return this.items;
  }

  /** Remembers a fresh full list (from a list call) so later lookups see it. */
  remember(items: ItemOf<E>[]): void {
    this.items.clear();
    for (const item of items) this.items.set(this.options.keyOf(item), item);
  }

  /** Fetches these keys now and pushes the patch (after the service changed them itself). */
  refresh(keys: string[]): void {
    for (const k of keys) this.pending.add(k);
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    this.pending.clear();
    for (const off of this.unsubscribe) off();
  }

  private async relist(reason: RelistReason): Promise<void> {
    try {
      const docker = this.engine.docker();
      const items = await this.options.list(docker);
      if (this.disposed) return;
      this.remember(items);
      this.bus.emit(this.options.event, { kind: 'reset', items } as EventMap[E]);
      await this.options.afterRelist?.(docker, reason);
    } catch (err) {
      // The connection dropped meanwhile; the next reconnect relists again.
      console.warn(`[berth] ${this.options.what} relist (${reason}) failed:`, err instanceof Error ? err.message : err);
    }
  }

  private async onEngineEvent(event: DockerEvent): Promise<void> {
    let keys: string[];
    try {
      keys = await this.options.keysFor(event, this.items, this.engine.docker());
    } catch {
      return; // e.g. the container is already gone: the reconciliation catches anything missed
    }
    if (keys.length === 0) return;
    for (const k of keys) this.pending.add(k);
    this.schedule();
  }

  private schedule(): void {
    this.flushTimer ??= setTimeout(() => void this.flush(), this.options.coalesceMs ?? 30);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    if (keys.length === 0 || this.disposed) return;
    let docker: Dockerode;
    let found: ItemOf<E>[];
    try {
      docker = this.engine.docker();
      found = await this.options.fetch(docker, keys);
    } catch (err) {
      if (!(err instanceof BerthError && err.code === ErrorCode.ENGINE_UNREACHABLE)) {
        console.warn(`[berth] ${this.options.what} refresh failed:`, err instanceof Error ? err.message : err);
      }
      return;
    }
    if (this.disposed || !this.sameEngine(docker)) return;
    const foundKeys = new Set(found.map((i) => this.options.keyOf(i)));
    const removed = keys.filter((k) => !foundKeys.has(k) && this.items.has(k));
    for (const k of removed) this.items.delete(k);
    for (const item of found) this.items.set(this.options.keyOf(item), item);
    if (found.length === 0 && removed.length === 0) return;
    this.bus.emit(this.options.event, { kind: 'patch', upserts: found, removed } as EventMap[E]);
  }

  private sameEngine(docker: Dockerode): boolean {
    try {
      return this.engine.docker() === docker;
    } catch {
      return false;
    }
  }
}
