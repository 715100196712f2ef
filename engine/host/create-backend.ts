import type { EngineCandidate } from '../contract';
import { discoverEngines, nodeDiscoveryEnv, resolvePreferred } from '../providers/discovery';
import { startEmbeddedEngine } from '../providers/embedded';
import type { DiscoveryEnv, EmbeddedEngineOptions } from '../providers/types';
import { ContainersService, type ContainersServiceOptions } from '../services/containers';
import { EngineManager, type EngineManagerTiming } from '../services/engine-manager';
import type { Store } from '../store/types';
import type { Backend } from './backend';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventBus } from './event-bus';

export interface CreateBackendOptions {
  /** Berth's data directory: the embedded engine lives under it. */
  dataDir: string;
  /** Settings and audit log; owned (and closed) by the caller. */
  store: Store;
  /** `--engine` on the command line: 'auto', 'embedded' or an endpoint URL; wins over settings until changed. */
  engineFlag?: string;
  discoveryEnv?: DiscoveryEnv;
  embedded?: Partial<EmbeddedEngineOptions>;
  /** Tests shorten the reconnect and reconciliation timings. */
  engineTiming?: Partial<EngineManagerTiming>;
  containers?: ContainersServiceOptions;
}

/**
 * The composition root of the engine side: one event bus, one engine connection, the services over it and
 * the dispatcher every host calls. Returns at once; the engine connects in the background and reports its
 * progress as 'engine.status'.
 */
export function createBackend(options: CreateBackendOptions): Promise<Backend> {
  const { store, dataDir } = options;
  const bus = new EventBus();
  const denv = options.discoveryEnv ?? nodeDiscoveryEnv();
  const discover = (): Promise<EngineCandidate[]> => discoverEngines(denv, { dataDir });
  const inPreferenceOrder = (preferred: string, found: EngineCandidate[]) =>
    resolvePreferred(preferred, found, preferred === options.engineFlag ? 'flag' : 'settings');

  const engine = new EngineManager({
    bus,
    preferred: options.engineFlag ?? store.settings.get().engine.preferred,
    // An explicit choice (settings or --engine) means that engine only: silently falling back to another one,
    // or starting the embedded engine, while the chosen one is down would act on the wrong engine.
    candidatesFor: async (preferred) => {
      const ordered = inPreferenceOrder(preferred, await discover());
      return isAuto(preferred) ? ordered : ordered.slice(0, 1);
    },
    startEmbedded: () => startEmbeddedEngine({ ...options.embedded, dataDir }),
    ...(options.engineTiming ? { timing: options.engineTiming } : {}),
  });
  const containers = new ContainersService(engine, bus, options.containers);

  const handlers: Handlers = {
    'engine.status': () => Promise.resolve(engine.getStatus()),
    'engine.candidates': async () => inPreferenceOrder(engine.preferredEngine, await discover()),
    'engine.reconnect': () => engine.reconnect(),

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

    'containers.list': () => containers.list(),
    'containers.start': ({ id }) => containers.start(id),
    'containers.stop': ({ id, timeoutSeconds }) => containers.stop(id, timeoutSeconds),
    'containers.restart': ({ id, timeoutSeconds }) => containers.restart(id, timeoutSeconds),
    'containers.pause': ({ id }) => containers.pause(id),
    'containers.unpause': ({ id }) => containers.unpause(id),
    'containers.remove': ({ id, force, volumes }) =>
      containers.remove(id, {
        ...(force !== undefined ? { force } : {}),
        ...(volumes !== undefined ? { volumes } : {}),
      }),
  };

  const dispatch = createDispatcher(handlers, { audit: (entry) => store.audit.append(entry) });
  engine.start();

  let disposing: Promise<void> | undefined;
  return Promise.resolve({
    dispatch,
    bus,
    dispose: () =>
      (disposing ??= (async () => {
        containers.dispose();
        await engine.dispose();
        bus.clear();
      })()),
  });
}

const isAuto = (preferred: string): boolean => preferred.trim() === '' || preferred.trim() === 'auto';
