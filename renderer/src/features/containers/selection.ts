/** Which containers are selected (by ID), and the anchor a shift-click extends a range from. */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

/**
 * A click on a row's checkbox. Plain: toggles that row and makes it the anchor. Shift: selects every row
 * between the anchor and this one, in the order shown (what file managers and mail clients do).
 */
export function toggleSelection(
  sel: Selection,
  id: string,
  order: readonly string[],
  range: boolean,
): Selection {
  const from = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
  const to = order.indexOf(id);
  if (range && from >= 0 && to >= 0) {
    const ids = new Set(sel.ids);
    for (const rid of order.slice(Math.min(from, to), Math.max(from, to) + 1)) ids.add(rid);
    return { ids, anchor: sel.anchor };
  }
  const ids = new Set(sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

export const selectAll = (order: readonly string[]): Selection => ({
  ids: new Set(order),
  anchor: order[0] ?? null,
});

/** Adds or removes a whole group (a compose project's rows). */
export function setMany(sel: Selection, ids: readonly string[], selected: boolean): Selection {
  const next = new Set(sel.ids);
  for (const id of ids) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return { ids: next, anchor: sel.anchor };
}

/** Drops IDs that are no longer listed (removed containers); returns the same object when nothing changed. */
export function keepListed(sel: Selection, listed: ReadonlySet<string>): Selection {
  if ([...sel.ids].every((id) => listed.has(id))) return sel;
  const ids = new Set([...sel.ids].filter((id) => listed.has(id)));
  return { ids, anchor: sel.anchor !== null && listed.has(sel.anchor) ? sel.anchor : null };
}
