import { DataTab } from '../data/DataTab';
import { secretKind } from '../data/kinds';

/** Swarm secrets: metadata only; their content is never shown (the engine does not return it). */
export function SecretsTab() {
  return <DataTab kind={secretKind} />;
}
