import { useEffect, useRef } from 'react';

/**
 * Ctrl+S / Cmd+S saves the shown document instead of the browser's "save page". Only the `active` editor
 * answers, so a hidden one (kept for its draft) never saves behind the user's back.
 */
export function useSaveShortcut(active: boolean, save: () => void): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      latest.current();
    };
    // Capture: the code editor handles keys itself and must not swallow this one.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}
