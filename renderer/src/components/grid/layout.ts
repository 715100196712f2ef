/**
 * How a grid's columns yield to a narrow window: each column may name a `priority` (higher yields first; none
 * never yields) and a `compactWidth` (a narrower track it takes before anything of lower priority hides). The
 * header and every row read the one layout, so columns always line up.
 */
export interface FitColumn {
  id: string;
  /** CSS grid track, e.g. 'minmax(140px, 2fr)' or '100px'. */
  width: string;
  /** Higher yields earlier (compacts, then hides); undefined or 0: never yields. */
  priority?: number;
  /** A narrower track taken at its priority, before it would hide (e.g. an actions column as one menu button). */
  compactWidth?: string;
  /** Compacts but never hides (row actions must stay reachable). */
  required?: boolean;
}

export interface GridLayout {
  /** Ids of the shown columns, in column order. */
  visible: readonly string[];
  /** Ids of the shown columns that use their compact track. */
  compact: ReadonlySet<string>;
  /** grid-template-columns for the header and every row. */
  template: string;
  /** The sum of the shown columns' minimum widths: below it the grid scrolls sideways. */
  minWidth: number;
}

/** The smallest width a track takes: its px figure ('minmax(140px, 2fr)' → 140, '100px' → 100, '1fr' → 0). */
export const trackMinPx = (track: string): number => Number(/(\d+(?:\.\d+)?)px/.exec(track)?.[1] ?? 0);

/** The columns that fit `available` px, yielding by priority; an unknown width (0: not measured yet) shows all. */
export function fitColumns(columns: readonly FitColumn[], available: number): GridLayout {
  const hidden = new Set<string>();
  const compact = new Set<string>();
  const width = (c: FitColumn) => trackMinPx(compact.has(c.id) && c.compactWidth ? c.compactWidth : c.width);
  const total = () => columns.reduce((sum, c) => sum + (hidden.has(c.id) ? 0 : width(c)), 0);
  // Each yielding column offers a step: compact first (if it can), then hide (if it has a priority).
  const steps = columns
    .flatMap((c, order) => [
      ...(c.priority && c.compactWidth ? [{ c, order, hide: false }] : []),
      ...(c.priority && !c.required ? [{ c, order, hide: true }] : []),
    ])
    .sort(
      (a, b) =>
        (b.c.priority ?? 0) - (a.c.priority ?? 0) || Number(a.hide) - Number(b.hide) || b.order - a.order,
    );
  for (const step of steps) {
    if (available <= 0 || total() <= available) break;
    if (step.hide) hidden.add(step.c.id);
    else compact.add(step.c.id);
  }
  const shown = columns.filter((c) => !hidden.has(c.id));
  return {
    visible: shown.map((c) => c.id),
    compact,
    template: shown.map((c) => (compact.has(c.id) && c.compactWidth ? c.compactWidth : c.width)).join(' '),
    minWidth: total(),
  };
}
