import type Dockerode from 'dockerode';
import { ErrorCode, type CollectionPatch, type EventMap, type EventName } from '../../contract';
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

/** How live collections behave; one policy for the whole backend. */
export interface LivePolicy {
  /** false for one-shot commands: collections answer calls but follow no events and never relist. */
  follow: boolean;
  /** Events within this window become one fetch and one patch (tests may change it). */
  coalesceMs?: number;
}

/** What a live collection is built from (a ServiceContext fits). */
export interface LiveContext {
  engine: LiveEngine;
  bus: EventBus;
  live: LivePolicy;
}

/** Every event whose payload is a CollectionPatch: derived from the contract, so a new list needs no entry here. */
export type CollectionEvent = {
  [E in EventName]: EventMap[E] extends CollectionPatch<infer _T> ? E : never;
}[EventName];
export type ItemOf<E extends CollectionEvent> = EventMap[E] extends CollectionPatch<infer T> ? T : never;

/** What an engine event touches: keys to fetch again, or also keys the event itself says are gone. */
export type Touched = readonly string[] | { refresh: readonly string[]; removed: readonly string[] };

export const DEFAULT_COALESCE_MS = 30;

export interface LiveCollectionOptions<E extends CollectionEvent> {
  event: E;
  what: string;
  keyOf(item: ItemOf<E>): string;
  /** Which keys an engine event touches (may need a lookup, e.g. a container's volumes). */
  keysFor(event: DockerEvent, current: ReadonlyMap<string, ItemOf<E>>, docker: Dockerode): Promise<Touched> | Touched;
  list(docker: Dockerode): Promise<ItemOf<E>[]>;
  /** The current items for these keys (and any others they affect); known keys not returned are gone. */
  fetch(docker: Dockerode, keys: string[], current: ReadonlyMap<string, ItemOf<E>>): Promise<ItemOf<E>[]>;
  /** Runs after each full (re)list, e.g. to clean up leftovers of a crash. */
  afterRelist?(docker: Dockerode, reason: RelistReason): Promise<void>;
}

/**
 * A collection kept live from the engine's one /events stream: an event leads to fetching only the items it
 * touches (coalesced over a short window) and one patch; every (re)connect and reconciliation sends a reset.
 * The last state is kept so events that do not name the item (a container removed) can still find it.
 * With `live.follow` false it only answers calls: no event or relist subscription, no patches.
 */
export class LiveCollection<E extends CollectionEvent> {
  private readonly items = new Map<string, ItemOf<E>>();
  /** Key → whether the event said it is gone (the last event in the window wins). */
  private readonly pending = new Map<string, boolean>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly engine: LiveEngine;
  private readonly bus: EventBus;
  private readonly policy: LivePolicy;
  private disposed = false;

  constructor(
    ctx: LiveContext,
    private readonly options: LiveCollectionOptions<E>,
  ) {
    this.engine = ctx.engine;
    this.bus = ctx.bus;
    this.policy = ctx.live;
    if (!ctx.live.follow) return;
    this.unsubscribe.push(
      ctx.engine.onEvent((event) => void this.onEngineEvent(event)),
      ctx.engine.onRelist((reason) => void this.relist(reason)),
    );
  }

  /** The last known items (kept up to date by events). */
  get current(): ReadonlyMap<string, ItemOf<E>> {
    return this.items;
  }

  /** Lists now and remembers the answer, so later events find the items the caller saw. */
  async list(): Promise<ItemOf<E>[]> {
    const items = await this.options.list(this.engine.docker());
    this.remember(items);
    return items;
  }

  /**
   * Fetches these keys soon and pushes the patch (after the service changed them itself). `now` skips the
   * coalescing window, for a caller that has already gathered one batch (e.g. a reconciliation's diff).
   */
  refresh(keys: string[], options: { now?: boolean } = {}): void {
    if (!this.policy.follow) return;
    for (const k of keys) this.pending.set(k, false);
    if (!options.now) return this.schedule();
    clearTimeout(this.flushTimer);
    void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    this.pending.clear();
    for (const off of this.unsubscribe) off();
  }

  /** Remembers a fresh full list so later lookups see it. */
  private remember(items: ItemOf<E>[]): void {
    this.items.clear();
    for (const item of items) this.items.set(this.options.keyOf(item), item);
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
    let touched: Touched;
    try {
      touched = await this.options.keysFor(event, this.items, this.engine.docker());
    } catch {
      return; // e.g. the container is already gone: the reconciliation catches anything missed
    }
    const { refresh, removed } = 'refresh' in touched ? touched : { refresh: touched, removed: [] };
    if (refresh.length === 0 && removed.length === 0) return;
    for (const k of refresh) this.pending.set(k, false);
    for (const k of removed) this.pending.set(k, true);
    this.schedule();
  }

  private schedule(): void {
    this.flushTimer ??= setTimeout(() => void this.flush(), this.policy.coalesceMs ?? DEFAULT_COALESCE_MS);
  }

  /** One fetch for every key touched in the window, one patch for all of them. */
  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    if (batch.length === 0 || this.disposed) return;
    const removed = batch.filter(([, gone]) => gone).map(([k]) => k);
    const keys = batch.filter(([, gone]) => !gone).map(([k]) => k);
    let found: ItemOf<E>[] = [];
    if (keys.length > 0) {
      let docker: Dockerode;
      try {
        docker = this.engine.docker();
        found = await this.options.fetch(docker, keys, this.items);
      } catch (err) {
        // Disconnected meanwhile: the relist after reconnecting brings the list up to date.
        if (!(err instanceof BerthError && err.code === ErrorCode.ENGINE_UNREACHABLE)) {
          console.warn(`[berth] ${this.options.what} refresh failed:`, err instanceof Error ? err.message : err);
        }
        return;
      }
      // A switch to another engine during the fetch makes this answer describe the wrong engine.
      if (this.disposed || !this.sameEngine(docker)) return;
      const foundKeys = new Set(found.map((i) => this.options.keyOf(i)));
      removed.push(...keys.filter((k) => !foundKeys.has(k) && this.items.has(k)));
    }
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
