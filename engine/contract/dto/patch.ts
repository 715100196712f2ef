/**
 * A change to a keyed collection pushed from the backend. `reset` replaces the whole collection (first load,
 * after a reconnect or a reconciliation); `patch` adds/updates and removes single items.
 */
export type CollectionPatch<T> =
  { kind: 'reset'; items: T[] } | { kind: 'patch'; upserts: T[]; removed: string[] };
