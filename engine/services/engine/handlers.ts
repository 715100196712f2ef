import type { engineMethods } from '../../contract/methods/engine';
import type { Domain, ServiceContext } from '../context';
import { probeEngine } from './engine-probe';

/** engine.* (status, candidates in the user's preference order, probe, reconnect) and settings.*. */
export function engineDomain({ engine, store, engineCandidates }: ServiceContext): Domain<typeof engineMethods> {
  return {
    handlers: {
      'engine.status': () => Promise.resolve(engine.getStatus()),
      'engine.candidates': () => engineCandidates(),
      // Asks one discovered engine only (`berth engine status`), without connecting to it.
      'engine.probe': ({ id }) => probeEngine(engineCandidates, id),
      'engine.reconnect': () => engine.reconnect(),
      'settings.get': () => Promise.resolve(store.settings.get()),
      'settings.update': (params) => {
        const next = store.settings.update(params);
        const preferred = params.engine?.preferred;
        // The switch runs in the background: starting an embedded engine can take many seconds, and its
        // progress is already visible through 'engine.status'.
        if (preferred !== undefined && preferred !== engine.preferredEngine) void engine.setPreferred(preferred);
        return Promise.resolve(next);
      },
    },
  };
}
