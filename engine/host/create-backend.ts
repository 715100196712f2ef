import type { EngineCandidate } from '../contract';
import { discoverEngines, nodeDiscoveryEnv, resolvePreferred } from '../providers/discovery';
import { startEmbeddedEngine } from '../providers/embedded';
import type { DiscoveryEnv, EmbeddedEngineOptions } from '../providers/types';
import { containerDetailHandlers } from '../services/containers/details-handlers';
import { containerHandlers } from '../services/containers/handlers';
import { ContainersService, type ContainersServiceOptions } from '../services/containers/service';
import { containerStreams } from '../services/containers/streams';
import { composeHandlers, composeStreams } from '../services/compose/handlers';
import { ComposeService } from '../services/compose/service';
import type { ServiceContext } from '../services/context';
import { networkHandlers } from '../services/networks/handlers';
import { NetworksService } from '../services/networks/service';
import { systemHandlers } from '../services/system/handlers';
import { volumeHandlers } from '../services/volumes/handlers';
import { VolumesService } from '../services/volumes/service';
import { imagesDomain } from '../services/images/handlers';
import { engineHandlers, settingsHandlers } from '../services/engine/handlers';
import { taskHandlers, taskStreams } from '../services/tasks/handlers';
import { TaskManager } from '../services/tasks/task-manager';
import { EngineManager, type EngineManagerTiming } from '../services/engine/engine-manager';
import type { Store } from '../store/types';
import type { Backend } from './backend';
import { createDispatcher } from './dispatcher';
import { auditedStreams } from './stream-audit';
import type { AuditEntry } from '../base/audit';
import type { Handlers } from '../base/handlers';
import { EventBus } from '../base/event-bus';
import type { StreamHandlers } from '../base/handlers';
import { TransferRegistry } from '../base/transfers';

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
  /**
   * false for one-shot commands (`berth compose ...`): the containers, images, volumes and networks services
   * answer calls but do not follow engine events or relist, which would only add engine requests. Default true.
   */
  liveCollections?: boolean;
  /**
   * false: the engine is never connected (no event stream); only calls that need no connection answer, such as
   * 'engine.candidates' and 'engine.probe' for `berth engine status`. Default true.
   */
  connect?: boolean;
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
  const tasks = new TaskManager(bus);
  const transfers = new TransferRegistry();
  const ctx: ServiceContext = { bus, engine, tasks, transfers, store, dataDir };
  const lists = options.liveCollections === false ? { ...ctx, engine: withoutLiveUpdates(engine) } : ctx;
  const containers = new ContainersService(lists.engine, bus, options.containers);
  const compose = new ComposeService(ctx);
  const volumes = new VolumesService(lists.engine, bus);
  const networks = new NetworksService(lists.engine, bus);
  const images = imagesDomain(lists);

  // One domain per line: every method and stream of the contract must be covered (the types check it).
  const handlers: Handlers = {
    ...engineHandlers(ctx, async () => inPreferenceOrder(engine.preferredEngine, await discover())),
    ...settingsHandlers(ctx),
    ...containerHandlers(containers, ctx),
    ...containerDetailHandlers(ctx),
    ...taskHandlers(ctx),
    ...composeHandlers(compose),
    ...images.handlers,
    ...volumeHandlers(ctx, volumes),
    ...networkHandlers(networks),
    ...systemHandlers(ctx, networks),
  };
  const audit = (entry: AuditEntry) => store.audit.append(entry);
  const streams: StreamHandlers = auditedStreams(
    {
      ...containerStreams(ctx),
      ...taskStreams(ctx),
      ...composeStreams(compose),
    },
    audit,
  );

  const dispatch = createDispatcher(handlers, { audit });
  if (options.connect !== false) engine.start();

  let disposing: Promise<void> | undefined;
  return Promise.resolve({
    dispatch,
    streams,
    transfers,
    bus,
    dispose: () =>
      (disposing ??= (async () => {
        tasks.dispose();
        transfers.dispose();
        compose.dispose();
        containers.dispose();
        volumes.dispose();
        networks.dispose();
        images.dispose();
        await engine.dispose();
        bus.clear();
      })()),
  });
}

/** The engine for a service that should answer calls only: its event and relist subscriptions do nothing. */
function withoutLiveUpdates(engine: EngineManager): EngineManager {
  const none = () => () => undefined;
  return new Proxy(engine, {
    get(target, prop) {
      if (prop === 'onEvent' || prop === 'onRelist') return none;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const isAuto = (preferred: string): boolean => preferred.trim() === '' || preferred.trim() === 'auto';
