import { useCallback } from 'react';
import { useRoutePath } from '../../app/useHashRoute';
import { swarmHref, type SwarmTabId } from './tabs';

/**
 * The drawer a Swarm tab has open lives in the address (`#/swarm/nodes/<id>`, `#/swarm/services/<id>`), so the
 * health summary's links, Back and a reload open or close it. Returns the id in the address and the setter that
 * navigates (`null` closes: back to `#/swarm/<tab>`).
 */
export function useDrawerRoute(tab: SwarmTabId): [string | null, (id: string | null) => void] {
  const [current, id] = useRoutePath();
  const open = useCallback(
    (next: string | null) => {
      window.location.hash = next === null ? swarmHref(tab) : `${swarmHref(tab)}/${encodeURIComponent(next)}`;
    },
    [tab],
  );
  return [current === tab && id ? id : null, open];
}
