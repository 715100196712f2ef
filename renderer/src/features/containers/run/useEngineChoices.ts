import { useEffect, useState } from 'react';
import type { EngineClient } from '../../../api/contract';

export interface EngineChoices {
  images: string[];
  networks: string[];
}

const BUILT_IN_NETWORKS = ['bridge', 'host', 'none'];

/**
 * Image references and network names on the engine, for the run dialog's pickers. Either list failing only
 * means no suggestions: the fields still take any text, and the engine says what it cannot find.
 */
export function useEngineChoices(client: EngineClient): EngineChoices {
  const [choices, setChoices] = useState<EngineChoices>({ images: [], networks: BUILT_IN_NETWORKS });
  useEffect(() => {
    let live = true;
    void Promise.all([client.call('images.list', {}), client.call('networks.list', {})]).then(
      ([images, networks]) => {
        if (!live) return;
        setChoices({
          images: images.ok ? [...new Set(images.value.flatMap((i) => i.repoTags))].sort() : [],
          networks: networks.ok
            ? [...new Set([...BUILT_IN_NETWORKS, ...networks.value.map((n) => n.name)])]
            : BUILT_IN_NETWORKS,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [client]);
  return choices;
}
