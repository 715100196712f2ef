import { DataTab } from '../data/DataTab';
import { configKind } from '../data/kinds';

/** Swarm configs: like secrets, and their content can be read in the details drawer. */
export function ConfigsTab() {
  return <DataTab kind={configKind} />;
}
