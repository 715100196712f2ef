import { useCallback, useState } from 'react';
import { filterFromHash, hashWithFilter, type ContainerFilter } from './filter';

/**
 * The containers filter and grouping, kept in the hash query (#/containers/?state=running&group=1) so a
 * reload or a shared link shows the same view. replaceState: filtering is not navigation (Back leaves the page).
 */
export function useFilterState(): {
  filter: ContainerFilter;
  grouped: boolean;
  setFilter: (filter: ContainerFilter) => void;
  setGrouped: (grouped: boolean) => void;
} {
  const [state, setState] = useState(() => filterFromHash(window.location.hash));
  const write = useCallback((filter: ContainerFilter, grouped: boolean) => {
    setState({ filter, grouped });
    const next = hashWithFilter(window.location.hash, filter, grouped);
    if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
  }, []);
  return {
    filter: state.filter,
    grouped: state.grouped,
    setFilter: useCallback((filter: ContainerFilter) => write(filter, state.grouped), [write, state.grouped]),
    setGrouped: useCallback((grouped: boolean) => write(state.filter, grouped), [write, state.filter]),
  };
}
