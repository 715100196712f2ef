import type { CollectionPatch } from '../api/contract';

/** Applies a batch of collection patches to a record keyed by `keyOf`; a reset replaces everything. */
export function applyPatches<T>(
  current: Record<string, T>,
  patches: CollectionPatch<T>[],
  keyOf: (item: T) => string,
): { items: Record<string, T>; reset: boolean } {
  let items = current;
  let reset = false;
  for (const patch of patches) {
    if (patch.kind === 'reset') {
      items = Object.fromEntries(patch.items.map((i) => [keyOf(i), i]));
      reset = true;
      continue;
    }
    items = { ...items };
    for (const item of patch.upserts) items[keyOf(item)] = item;
    for (const key of patch.removed) delete items[key];
  }
  return { items, reset };
}
