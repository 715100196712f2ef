import type { EngineCandidate } from '../../contract';
import type { DomainHandlers, ServiceContext } from '../context';
import { probeEngine } from './engine-probe';

/**
 * engine.* methods. `candidates` lists every engine discovery finds, in the user's preference order; `probe`
 * asks one of them only.
 */
export function engineHandlers(
  { engine }: ServiceContext,
  candidates: () => Promise<EngineCandidate[]>,
): DomainHandlers<'engine'> {
  return {
    'engine.status': () => Promise.resolve(engine.getStatus()),
    'engine.candidates': () => candidates(),
    'engine.probe': ({ id }) => probeEngine(candidates, id),
    'engine.reconnect': () => engine.reconnect(),
  };
}

export function settingsHandlers({ engine, store }: ServiceContext): DomainHandlers<'settings'> {
  return {
    'settings.get': () => Promise.resolve(store.settings.get()),
    'settings.update': (params) => {
      const next = store.settings.update(params);
      const preferred = params.engine?.preferred;
      // The switch runs in the background: starting an embedded engine can take many seconds, and its
      // progress is already visible through 'engine.status'.
      if (preferred !== undefined && preferred !== engine.preferredEngine)
        void engine.setPreferred(preferred);
      return Promise.resolve(next);
    },
  };
}
