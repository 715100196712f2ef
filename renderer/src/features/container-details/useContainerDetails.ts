import { useCallback, useEffect, useState } from 'react';
import type { BerthErrorData, ContainerDetails, ContainerSummary } from '../../api/contract';
import { useBerth } from '../../stores/context';

/** The container's summary in the live list, by ID, short ID or name (the route may hold any of them). */
export function useContainerSummary(ref: string): ContainerSummary | undefined {
  return useBerth((s) => {
    const direct = s.containers.items[ref];
    if (direct) return direct;
    for (const c of Object.values(s.containers.items)) if (c.name === ref || c.id.startsWith(ref)) return c;
    return undefined;
  });
}

export interface DetailsState {
  details: ContainerDetails | null;
  error: BerthErrorData | null;
  loading: boolean;
  reload: () => void;
}

/**
 * containers.inspect for the page, fetched again whenever the container's row in the live list changes (its
 * state, status or name), so the overview follows events without polling.
 */
export function useContainerDetails(ref: string): DetailsState {
  const client = useBerth((s) => s.client);
  const summary = useContainerSummary(ref);
  const [details, setDetails] = useState<ContainerDetails | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    let live = true;
    void client.call('containers.inspect', { id: ref }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setDetails(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [client, ref, attempt, summary]);

  return { details, error, loading: details === null && error === null, reload };
}
