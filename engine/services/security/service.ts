import type Dockerode from 'dockerode';
import { auditConfig, auditInputFromInspect, summarizeAudits, type ContainerAudit, type InspectLike, type SecuritySummary } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { LiveCollection, type LiveContext, type Touched } from '../common/live-collection';

/** Container events after which a container's findings (or its state) may differ. */
const AUDIT_ACTIONS = new Set(['create', 'update', 'rename', 'start', 'die', 'pause', 'unpause']);
/** Inspects in flight at once during a full audit. */
const PARALLEL = 8;

type Inspected = InspectLike & { Id: string; Name?: string; State?: { Status?: string }; Config?: InspectLike['Config'] & { Image?: string } };

/**
 * security.* and the live 'security.changed' feed (key: container ID): each container's inspect data run
 * through the contract's rules. Audits are cached per container and engine connection; an event re-inspects only
 * the container it names, and a reconciliation inspects only containers not seen before (or whose state changed);
 * a (re)connect audits everything again.
 */
export class SecurityService {
  readonly live: LiveCollection<'security.changed'>;
  private readonly cache = new Map<string, ContainerAudit>();
  private cacheFor: Dockerode | undefined;
  private dataRoot: { docker: Dockerode; root: Promise<string | undefined> } | undefined;

  private readonly offRelist: () => void;

  constructor(ctx: LiveContext) {
    // After a (re)connect events may have been missed: audit everything again. A periodic reconciliation keeps
    // the cache (events were followed meanwhile). Registered before the collection's own relist listener.
    this.offRelist = ctx.live.follow ? ctx.engine.onRelist((reason) => reason !== 'reconcile' && this.cache.clear()) : () => undefined;
    this.live = new LiveCollection(ctx, {
      event: 'security.changed',
      what: 'security findings',
      keyOf: (a) => a.id,
      keysFor: (event) => keysFor(event),
      list: (docker) => this.auditAll(docker),
      fetch: (docker, ids) => this.auditSome(docker, ids),
    });
  }

  list(): Promise<ContainerAudit[]> {
    return this.live.list();
  }

  async summary(): Promise<SecuritySummary> {
    return summarizeAudits(await this.list());
  }

  dispose(): void {
    this.offRelist();
    this.live.dispose();
    this.cache.clear();
  }

  private async auditAll(docker: Dockerode): Promise<ContainerAudit[]> {
    this.useEngine(docker);
    let rows: Dockerode.ContainerInfo[];
    try {
      rows = await docker.listContainers({ all: true });
    } catch (err) {
      throw mapDockerError(err, { action: 'list', object: 'containers' });
    }
    const stale = rows.filter((r) => this.cache.get(r.Id)?.state !== r.State).map((r) => r.Id);
    await this.auditSome(docker, stale);
    const present = new Set(rows.map((r) => r.Id));
    for (const id of this.cache.keys()) if (!present.has(id)) this.cache.delete(id);
    return rows.map((r) => this.cache.get(r.Id)).filter((a): a is ContainerAudit => a !== undefined);
  }

  /** Inspects and audits these containers (a few at a time); containers that are gone are left out. */
  private async auditSome(docker: Dockerode, ids: string[]): Promise<ContainerAudit[]> {
    this.useEngine(docker);
    const dataRoot = await this.dataRootOf(docker);
    const out: ContainerAudit[] = [];
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const info = (await docker.getContainer(id).inspect().catch(() => undefined)) as Inspected | undefined;
        if (!info) {
          this.cache.delete(id);
          continue;
        }
        const audit = toAudit(info, dataRoot);
        this.cache.set(info.Id, audit);
        out.push(audit);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    return out;
  }

  /** A new engine connection (reconnect or switch) makes every cached audit suspect. */
  private useEngine(docker: Dockerode): void {
    if (this.cacheFor === docker) return;
    this.cache.clear();
    this.cacheFor = docker;
  }

  private dataRootOf(docker: Dockerode): Promise<string | undefined> {
    if (this.dataRoot?.docker !== docker) {
      const root = docker
        .info()
        .then((i: { DockerRootDir?: unknown }) => (typeof i.DockerRootDir === 'string' ? i.DockerRootDir : undefined))
        .catch(() => undefined);
      this.dataRoot = { docker, root };
    }
    return this.dataRoot.root;
  }
}

function keysFor(event: DockerEvent): Touched {
  if (event.type !== 'container' || !event.id) return [];
  if (event.action === 'destroy') return { refresh: [], removed: [event.id] };
  return AUDIT_ACTIONS.has(event.action) ? [event.id] : [];
}

function toAudit(info: Inspected, dataRoot: string | undefined): ContainerAudit {
  const labels = info.Config?.Labels ?? {};
  return {
    id: info.Id,
    name: (info.Name ?? '').replace(/^\//, ''),
    image: info.Config?.Image ?? '',
    state: info.State?.Status ?? '',
    project: labels['com.docker.compose.project'],
    service: labels['com.docker.compose.service'],
    swarmService: labels['com.docker.swarm.service.name'],
    findings: auditConfig(auditInputFromInspect(info), { dataRoot }),
  };
}
