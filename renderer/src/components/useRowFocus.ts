import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Roving focus for a virtualized grid: which row is focused, and `moveTo(i)` that clamps, scrolls the row into
 * view and focuses its element once it has rendered (a virtual row may not exist in the DOM before the scroll),
 * and `targetFor(key)` for the grid's navigation keys.
 */
export function useRowFocus(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  scrollToIndex: (index: number, options: { align: 'auto' }) => void,
) {
  const [focused, setFocused] = useState(0);
  const focusAfterRender = useRef(false);
  const index = Math.min(focused, Math.max(count - 1, 0));

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  });

  const moveTo = useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(count - 1, next));
      setFocused(clamped);
      focusAfterRender.current = true;
      scrollToIndex(clamped, { align: 'auto' });
    },
    [count, scrollToIndex],
  );

  /** The row a navigation key moves to (arrows, Page Up/Down by a screenful of `rowHeight` rows, Home/End). */
  const targetFor = (key: string, rowHeight: number): number | undefined => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    return moves[key];
  };

  return { index, moveTo, setFocused, targetFor };
}
