/** Undo/redo over whole document texts (small: a compose file), coalescing bursts of typing in one field. */
export interface History {
  past: string[];
  future: string[];
  /** What the last entry was for and when, to coalesce. */
  lastKey?: string;
  lastAt: number;
}

export const LIMIT = 200;
export const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [], lastAt: 0 });

/** Records `before` (the text an edit replaces) unless it continues the same burst (`key` within COALESCE_MS). */
export function record(h: History, before: string, key: string | undefined, now: number): History {
  if (key !== undefined && key === h.lastKey && now - h.lastAt < COALESCE_MS) return { ...h, future: [], lastAt: now };
  return { past: [...h.past, before].slice(-LIMIT), future: [], lastKey: key, lastAt: now };
}

export function undo(h: History, current: string): { history: History; text: string } | undefined {
  const text = h.past[h.past.length - 1];
  if (text === undefined) return undefined;
  return { text, history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastAt: 0 } };
}

export function redo(h: History, current: string): { history: History; text: string } | undefined {
  const [text, ...future] = h.future;
  if (text === undefined) return undefined;
  return { text, history: { past: [...h.past, current], future, lastAt: 0 } };
}
