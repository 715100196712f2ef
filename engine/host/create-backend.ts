import type { EngineCandidate } from '../contract';
import { discoverEngines, nodeDiscoveryEnv, resolvePreferred } from '../providers/discovery';
import { startEmbeddedEngine } from '../providers/embedded';
import type { DiscoveryEnv, EmbeddedEngineOptions } from '../providers/types';
import type { ServiceContext } from '../services/context';
import { EngineManager, type EngineManagerTiming } from '../services/engine/engine-manager';
import { TaskManager } from '../services/tasks/task-manager';
import type { Store } from '../store/types';
import type { Backend } from './backend';
import { createDispatcher } from './dispatcher';
import { lateBoundCall } from './domain-call';
import { auditedStreams } from './stream-audit';
import type { AuditEntry } from '../base/audit';
import { buildDomains, type DomainLoaders } from './domains';
import { EventBus } from '../base/event-bus';
import type { SecretBox } from '../base/secrets';
import { keyFileSecretBox } from '../store/secret-box';
import { lazySecretBox } from './lazy-secret-box';
import { TransferRegistry } from '../base/transfers';

/**
 * Every domain, one line each: how a domain is registered. Each is imported when a backend first needs it (its
 * own chunk in the bundles), so a command that names its domains loads only those (docs/adr/0019-*). The type
 * checker proves the table gives every contract method and stream exactly one handler.
 */
export const domains = {
  engine: async () => (await import('../services/engine/handlers')).engineDomain,
  containers: async () => (await import('../services/containers/handlers')).containersDomain,
  containerDetails: async () => (await import('../services/containers/details-handlers')).containerDetailsDomain,
  tasks: async () => (await import('../services/tasks/handlers')).tasksDomain,
  compose: async () => (await import('../services/compose/handlers')).composeDomain,
  images: async () => (await import('../services/images/handlers')).imagesDomain,
  volumes: async () => (await import('../services/volumes/handlers')).volumesDomain,
  networks: async () => (await import('../services/networks/handlers')).networksDomain,
  system: async () => (await import('../services/system/handlers')).systemDomain,
  registries: async () => (await import('../services/registries/handlers')).registriesDomain,
  templates: async () => (await import('../services/templates/handlers')).templatesDomain,
  swarm: async () => (await import('../services/swarm/handlers')).swarmDomain,
  swarmData: async () => (await import('../services/swarm-data/handlers')).swarmDataDomain,
  cluster: async () => (await import('../services/cluster/handlers')).clusterDomain,
  stacks: async () => (await import('../services/stacks/handlers')).stacksDomain,
  audit: async () => (await import('../services/audit/handlers')).auditDomain,
  engineAudit: async () => (await import('../services/engine-audit/handlers')).engineAuditDomain,
  imageTrust: async () => (await import('../services/image-trust/handlers')).imageTrustDomain,
  security: async () => (await import('../services/security/handlers')).securityDomain,
  accounts: async () => (await import('../services/accounts/handlers')).accountsDomain,
} satisfies DomainLoaders;

export type DomainName = keyof typeof domains;
const domainNames = Object.keys(domains) as DomainName[];

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
  /**
   * The domains to build now (default: all). Any other domain loads on its first call, so naming the domains a
   * command uses only saves loading the rest; a call outside them is slower, never refused.
   */
  domains?: readonly DomainName[];
}

/**
 * The composition root of the engine side: one event bus, one engine connection, the services over it and
 * the dispatcher every host calls. Returns at once; the engine connects in the background and reports its
 * progress as 'engine.status'.
 */
export async function createBackend(options: CreateBackendOptions): Promise<Backend> {
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

  const { handlers, streams: domainStreams, dispose: disposeDomains } = await buildDomains(
    ctx,
    domains,
    options.domains ?? domainNames,
  );
  const audit = (entry: AuditEntry) => store.audit.append(entry);
  // Streams that change something (exec, compose run, ...) are audited when they open, like mutating calls.
  const streams = auditedStreams(domainStreams, audit);

  const dispatch = createDispatcher(handlers, { audit });
  calls.bind(dispatch);
  if (options.connect !== false) engine.start();

  let disposing: Promise<void> | undefined;
  return {
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
  };
}

const isAuto = (preferred: string): boolean => preferred.trim() === '' || preferred.trim() === 'auto';
