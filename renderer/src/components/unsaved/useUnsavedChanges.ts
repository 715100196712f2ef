import { useEffect, useId, useState } from 'react';
import { useBerth } from '../../stores/context';
import { pageOf } from './pages';

/**
 * Registers input the user has not saved yet (while `dirty`), so leaving the page or reloading the window asks
 * first (LeaveGuard). The entry goes away when the input is saved, cleared or the component unmounts.
 */
export function useUnsavedChanges(dirty: boolean, label: string): void {
  const id = useId();
  const setUnsaved = useBerth((s) => s.setUnsaved);
  // The page the input was typed on: fixed at mount, so switching tabs of that page keeps the entry.
  const [page] = useState(() => pageOf(window.location.hash));
  useEffect(() => {
    setUnsaved(id, dirty ? { label, page } : null);
  }, [id, dirty, label, page, setUnsaved]);
  useEffect(() => () => setUnsaved(id, null), [id, setUnsaved]);
}
