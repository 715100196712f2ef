import { useEffect, useState } from 'react';
import type { BerthErrorData, RegistryPage, Result } from '../../api/contract';

type State<T> = { key: string; items: T[]; next?: string; loaded: boolean; error: BerthErrorData | null };

/**
 * A registry listing read a page at a time: the first page whenever `key` changes (or on reload), further
 * pages on `more()` following the registry's cursor. A late answer for an older key is dropped.
 */
export function usePages<T = string>(key: string, fetchPage: (last?: string) => Promise<Result<RegistryPage<T>>>) {
  const [reloads, setReloads] = useState(0);
  const full = `${reloads}:${key}`;
  const [state, setState] = useState<State<T>>({ key: full, items: [], loaded: false, error: null });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void fetchPage().then((r) => {
      if (!current) return;
      setState(r.ok ? { key: full, items: r.value.items, next: r.value.next, loaded: true, error: null } : { key: full, items: [], loaded: true, error: r.error });
    });
    return () => {
      current = false;
    };
    // The key names everything the fetch depends on; the function itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [full]);

  const mine: State<T> = state.key === full ? state : { key: full, items: [], loaded: false, error: null };
  const more = async () => {
    if (!mine.next || busy) return;
    setBusy(true);
    const r = await fetchPage(mine.next);
    setBusy(false);
    setState((s) => (s.key !== full ? s : r.ok ? { ...s, items: [...s.items, ...r.value.items], next: r.value.next, error: null } : { ...s, error: r.error }));
  };

  return {
    items: mine.items,
    next: mine.next,
    loaded: mine.loaded,
    loading: !mine.loaded || busy,
    error: mine.error,
    more,
    reload: () => setReloads((n) => n + 1),
  };
}
