import type { BerthErrorData, CollectionPatch, EngineClient, Result } from '../api/contract';
import { applyPatches } from './collection';
import { createFrameBatcher, type Scheduler } from './frameBatcher';

/** The last failed action on one item, shown inline until dismissed or the next action on it. */
export interface ActionFailure<A extends string = string> {
  action: A;
  error: BerthErrorData;
}

/**
 * One live list in the store: the same state and actions, under the same names, in every domain
 * (`s.containers.items`, `s.images.pending`, `s.volumes.load()`, ...).
 */
export interface ListState<T, A extends string = string> {
  /** By the domain's key (id, name). */
  items: Record<string, T>;
  /** True once a list (or reset patch) has arrived. */
  loaded: boolean;
  /** Why the last list call failed; cleared by the next success. */
  error: BerthErrorData | null;
  /** The action running on each item, by key. */
  pending: Record<string, A>;
  /** The last failed action on each item, by key, until dismissed or the next action. */
  errors: Record<string, ActionFailure<A>>;
  load: () => Promise<void>;
  applyPatches: (patches: CollectionPatch<T>[]) => void;
  /** Runs `invoke` as `action` on item `key`, tracking pending and error state. Resolves true on success. */
  runAction: (
    key: string,
    action: A,
    invoke: (client: EngineClient) => Promise<Result<unknown>>,
  ) => Promise<boolean>;
  dismissError: (key: string) => void;
  /** Applies the domain's change events to this list, one batch per frame. Returns the disposer. */
  follow: (schedule?: Scheduler) => () => void;
}

/** What a domain tells the factory: how to list, where its patches come from, and how items are keyed. */
export interface ListSpec<T, A extends string = string> {
  list: (client: EngineClient) => Promise<Result<T[]>>;
  /** Subscribes `push` to the domain's change event (typed by the contract's event map). */
  changes: (client: EngineClient, push: (patch: CollectionPatch<T>) => void) => () => void;
  keyOf: (item: T) => string;
  /** The action whose success drops the row at once: its removal event follows, but it should not linger. */
  removeAction?: A;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * Builds one domain's list state over `get`/`set` of its place in the store (a slice puts it under its own key).
 * Adding a list domain: a ListSpec in the feature folder and one entry in `listSpecs` (stores/lists.ts).
 */
export function createList<T, A extends string = string>(
  spec: ListSpec<T, A>,
  client: EngineClient,
  get: () => ListState<T, A>,
  set: (next: ListState<T, A>) => void,
): ListState<T, A> {
  const update = (change: (current: ListState<T, A>) => Partial<ListState<T, A>>) => {
    const current = get();
    set({ ...current, ...change(current) });
  };
  // Only the newest list answer counts: an older one may reflect a state before later events.
  let listSeq = 0;
  return {
    items: {},
    loaded: false,
    error: null,
    pending: {},
    errors: {},
    load: async () => {
      const seq = ++listSeq;
      const result = await spec.list(client);
      if (seq !== listSeq) return;
      if (result.ok) {
        const items = Object.fromEntries(result.value.map((item) => [spec.keyOf(item), item]));
        update(() => ({ items, loaded: true, error: null }));
      } else update(() => ({ error: result.error }));
    },
    applyPatches: (patches) =>
      update((s) => {
        const { items, reset } = applyPatches(s.items, patches, spec.keyOf);
        return { items, loaded: s.loaded || reset };
      }),
    runAction: async (key, action, invoke) => {
      if (get().pending[key]) return false;
      update((s) => ({ pending: { ...s.pending, [key]: action }, errors: without(s.errors, key) }));
      const result = await invoke(client);
      update((s) => {
        const pending = without(s.pending, key);
        if (!result.ok) return { pending, errors: { ...s.errors, [key]: { action, error: result.error } } };
        if (action === spec.removeAction) return { pending, items: without(s.items, key) };
        return { pending };
      });
      return result.ok;
    },
    dismissError: (key) => update((s) => ({ errors: without(s.errors, key) })),
    follow: (schedule) => {
      const batcher = createFrameBatcher<CollectionPatch<T>>(
        (patches) => get().applyPatches(patches),
        schedule,
      );
      const off = spec.changes(client, (patch) => batcher.push(patch));
      return () => {
        off();
        batcher.dispose();
      };
    },
  };
}
