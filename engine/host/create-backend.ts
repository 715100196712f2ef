import type { EngineCandidate } from '../contract';
import { discoverEngines, nodeDiscoveryEnv, resolvePreferred } from '../providers/discovery';
import { startEmbeddedEngine } from '../providers/embedded';
import type { DiscoveryEnv, EmbeddedEngineOptions } from '../providers/types';
import { composeDomain } from '../services/compose/handlers';
import { containerDetailsDomain } from '../services/containers/details-handlers';
import { containersDomain } from '../services/containers/handlers';
import type { ServiceContext } from '../services/context';
import { engineDomain } from '../services/engine/handlers';
import { EngineManager, type EngineManagerTiming } from '../services/engine/engine-manager';
import { imagesDomain } from '../services/images/handlers';
import { networksDomain } from '../services/networks/handlers';
import { systemDomain } from '../services/system/handlers';
import { tasksDomain } from '../services/tasks/handlers';
import { templatesDomain } from '../services/templates/handlers';
import { TaskManager } from '../services/tasks/task-manager';
import { volumesDomain } from '../services/volumes/handlers';
import type { Store } from '../store/types';
import type { Backend } from './backend';
import { createDispatcher } from './dispatcher';
import { lateBoundCall } from './domain-call';
import { auditedStreams } from './stream-audit';
import type { AuditEntry } from '../base/audit';
import { buildDomains } from './domains';
import { registriesDomain } from '../services/registries/handlers';
import { swarmDomain } from '../services/swarm/handlers';
import { swarmDataDomain } from '../services/swarm-data/handlers';
import { clusterDomain } from '../services/cluster/handlers';
import { stacksDomain } from '../services/stacks/handlers';
import { auditDomain } from '../services/audit/handlers';
import { engineAuditDomain } from '../services/engine-audit/handlers';
import { imageTrustDomain } from '../services/image-trust/handlers';
import { securityDomain } from '../services/security/handlers';
import { accountsDomain } from '../services/accounts/handlers';
import { EventBus } from '../base/event-bus';
import type { SecretBox } from '../base/secrets';
import { keyFileSecretBox } from '../store/secret-box';
import { lazySecretBox } from './lazy-secret-box';
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
  /** The coalescing window of every live list (tests may change it). */
  coalesceMs?: number;
  /**
   * false for one-shot commands (`berth compose ...`): every live collection answers calls but follows no
   * engine events and never relists, so no /events stream is opened for them. Default true.
   */
  liveCollections?: boolean;
  /**
   * false: the engine is never connected (no event stream); only calls that need no connection answer, such as
   * 'engine.candidates' and 'engine.probe' for `berth engine status`. Default true.
   */
  connect?: boolean;
  /** How registry passwords are sealed at rest; Electron passes its safeStorage. Default: a key file in dataDir. */
  secrets?: SecretBox;
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
  const calls = lateBoundCall();
  const ctx: ServiceContext = {
    bus,
    engine,
    tasks,
    transfers,
    store,
    secrets: options.secrets ?? lazySecretBox(() => keyFileSecretBox(dataDir)),
    dataDir,
    live: {
      follow: options.liveCollections !== false,
      ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
    },
    engineCandidates: async () => inPreferenceOrder(engine.preferredEngine, await discover()),
    call: calls.call,
  };

  // One domain per line; the types prove every contract method and stream has exactly one handler.
  const {
    handlers,
    streams: domainStreams,
    dispose: disposeDomains,
  } = buildDomains(ctx, [
    engineDomain,
    containersDomain,
    containerDetailsDomain,
    tasksDomain,
    composeDomain,
    imagesDomain,
    volumesDomain,
    networksDomain,
    systemDomain,
    registriesDomain,
    templatesDomain,
    swarmDomain,
    swarmDataDomain,
    clusterDomain,
    stacksDomain,
    auditDomain,
    engineAuditDomain,
    imageTrustDomain,
    securityDomain,
    accountsDomain,
  ]);
  const audit = (entry: AuditEntry) => store.audit.append(entry);
  // Streams that change something (exec, compose run, ...) are audited when they open, like mutating calls.
  const streams = auditedStreams(domainStreams, audit);

  const dispatch = createDispatcher(handlers, { audit });
  calls.bind(dispatch);
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
        disposeDomains();
        await engine.dispose();
        bus.clear();
      })()),
  });
}

const isAuto = (preferred: string): boolean => preferred.trim() === '' || preferred.trim() === 'auto';
