import type Dockerode from 'dockerode';
import { ErrorCode, type SwarmServiceDetails, type SwarmServiceSummary } from '../../contract';
import type { SwarmServiceSpec } from '../../contract/methods/swarm-service-spec';
import { BerthError } from '../../base/errors';
import type { ServiceContext } from '../context';
import { LiveCollection } from '../common/live-collection';
import { registryAuthForImage } from '../common/registry-credentials';
import type { EngineRequest } from './api';
import type { EngineService, EngineServiceSpec } from './engine-types';
import { filters, managerList, swarmCall } from './manager-list';
import type { SwarmStatusTracker } from './membership-status';
import { fromEngineSpec, mergeServiceSpec, toEngineSpec, type RefIds } from './spec';
import { serviceNetworks, toSwarmService } from './summaries';

type Ctx = Pick<ServiceContext, 'engine' | 'bus' | 'live' | 'secrets' | 'store'>;

/** services.* and the live 'services.changed' feed (key: service ID), with running/desired task counts. */
export class SwarmServicesService {
  readonly live: LiveCollection<'services.changed'>;

  constructor(private readonly ctx: Ctx, private readonly status: SwarmStatusTracker) {
    this.live = new LiveCollection(ctx, {
      event: 'services.changed',
      what: 'swarm services',
      keyOf: (s) => s.id,
      keysFor: (e) => (e.type !== 'service' ? [] : e.action === 'remove' ? { refresh: [], removed: [e.id] } : [e.id]),
      list: (docker) => this.read(docker),
      fetch: (docker, ids) => this.read(docker, ids),
    });
  }

  list(): Promise<SwarmServiceSummary[]> {
    return this.live.list();
  }

  /** Service ID → name and stack, for task rows (from the live list, else read now). */
  async names(): Promise<Map<string, { name: string; stack?: string | undefined }>> {
    const items = this.live.current.size ? [...this.live.current.values()] : await this.list();
    return new Map(items.map((s) => [s.id, { name: s.name, stack: s.stack }]));
  }

  async inspect(id: string): Promise<SwarmServiceDetails> {
    const raw = await this.get(id);
    const [summary] = await this.read(this.docker(), [raw.ID]);
    return {
      ...(summary ?? toSwarmService(raw, new Map())),
      spec: fromEngineSpec(raw.Spec),
      ...(raw.PreviousSpec ? { previousSpec: fromEngineSpec(raw.PreviousSpec) } : {}),
      raw,
    };
  }

  async create(form: SwarmServiceSpec): Promise<SwarmServiceSummary> {
    await this.status.refresh();
    const spec = toEngineSpec(form, await this.refIds(form));
    const r = await this.call<{ ID: string }>(
      { method: 'POST', path: '/services/create', body: spec, auth: registryAuthForImage(this.ctx, form.image) },
      'create',
      `service ${form.name}`,
    );
    return this.summary(r.ID);
  }

  /** What the form describes replaces the current spec; the rest is kept; `version` guards concurrent edits. */
  async update(id: string, form: SwarmServiceSpec, version?: number): Promise<SwarmServiceSummary> {
    const current = await this.get(id);
    const index = current.Version?.Index ?? 0;
    if (version !== undefined && version !== index) throw changedMeanwhile(current.Spec.Name);
    const spec = mergeServiceSpec(current.Spec, toEngineSpec(form, await this.refIds(form)));
    return this.send(current, spec, { auth: registryAuthForImage(this.ctx, form.image) });
  }

  async scale(id: string, replicas: number): Promise<SwarmServiceSummary> {
    const current = await this.get(id);
    if (!current.Spec.Mode?.Replicated) {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service ${current.Spec.Name} is global (one task per node); only replicated services scale.`, { field: 'replicas' });
    }
    return this.send(current, { ...current.Spec, Mode: { Replicated: { Replicas: replicas } } });
  }

  async rollback(id: string): Promise<SwarmServiceSummary> {
    const current = await this.get(id);
    if (!current.PreviousSpec) {
      throw new BerthError(ErrorCode.CONFLICT, `Service ${current.Spec.Name} has no previous version to roll back to (it was never updated).`);
    }
    return this.send(current, current.Spec, { rollback: true });
  }

  /** Every task is replaced, like `docker service update --force`. */
  async restart(id: string): Promise<SwarmServiceSummary> {
    const current = await this.get(id);
    const t = current.Spec.TaskTemplate ?? {};
    return this.send(current, { ...current.Spec, TaskTemplate: { ...t, ForceUpdate: (t.ForceUpdate ?? 0) + 1 } });
  }

  async remove(id: string): Promise<void> {
    const current = await this.get(id);
    await this.call({ method: 'DELETE', path: `/services/${current.ID}` }, 'remove', `service ${current.Spec.Name}`);
    this.live.refresh([current.ID]);
  }

  dispose(): void {
    this.live.dispose();
  }

  private async send(current: EngineService, spec: EngineServiceSpec, o: { rollback?: boolean; auth?: EngineRequest['auth'] } = {}): Promise<SwarmServiceSummary> {
    await this.call(
      {
        method: 'POST',
        path: `/services/${current.ID}/update`,
        query: { version: current.Version?.Index ?? 0, ...(o.rollback ? { rollback: 'previous' } : {}) },
        body: spec,
        auth: o.auth,
      },
      o.rollback ? 'roll back' : 'update',
      `service ${current.Spec.Name}`,
    );
    return this.summary(current.ID);
  }

  private async summary(id: string): Promise<SwarmServiceSummary> {
    this.live.refresh([id]);
    const [s] = await this.read(this.docker(), [id]);
    if (!s) throw new BerthError(ErrorCode.NOT_FOUND, `Service ${id} is gone; it was removed meanwhile.`);
    return s;
  }

  /** GET /services?status=true (running/desired counts), optionally only these IDs. */
  private async read(docker: Dockerode, ids?: string[]): Promise<SwarmServiceSummary[]> {
    const query = { status: true, ...(ids ? { filters: filters({ id: ids }) } : {}) };
    const services = await managerList<EngineService>(docker, { method: 'GET', path: '/services', query }, 'swarm services');
    const wanted = ids && new Set(ids);
    const shown = wanted ? services.filter((s) => wanted.has(s.ID)) : services;
    const names = await this.networkNames(docker, shown);
    return shown.map((s) => toSwarmService(s, names));
  }

  /** Network IDs → names (services name networks by ID); one network list when an ID is new. */
  private async networkNames(docker: Dockerode, services: EngineService[]): Promise<ReadonlyMap<string, string>> {
    const ids = services.flatMap((s) => serviceNetworks(s.Spec).map((n) => n.Target));
    if (ids.some((id) => !this.netNames.has(id))) {
      const nets = await docker.listNetworks().catch(() => []);
      for (const n of nets) this.netNames.set(n.Id, n.Name);
    }
    return this.netNames;
  }
  private readonly netNames = new Map<string, string>();

  private async get(id: string): Promise<EngineService> {
    const status = await this.status.refresh();
    return swarmCall<EngineService>(this.docker(), { method: 'GET', path: `/services/${encodeURIComponent(id)}` }, { action: 'inspect', object: `service ${id}`, status });
  }

  /** Secret and config names in the form → their IDs (the engine wants both); unknown names fail clearly. */
  private async refIds(form: SwarmServiceSpec): Promise<RefIds> {
    const docker = this.docker();
    const look = async (kind: 'secrets' | 'configs', names: string[]) => {
      if (!names.length) return new Map<string, string>();
      const rows = await managerList<{ ID: string; Spec: { Name: string } }>(docker, { method: 'GET', path: `/${kind}`, query: { filters: filters({ name: names }) } }, kind);
      const map = new Map(rows.map((r) => [r.Spec.Name, r.ID]));
      const missing = names.filter((n) => !map.has(n));
      if (missing.length) {
        throw new BerthError(ErrorCode.NOT_FOUND, `No ${kind.slice(0, -1)} named ${missing.join(', ')} exists in this swarm. Create it first, or remove it from the service.`, { field: kind });
      }
      return map;
    };
    return { secrets: await look('secrets', form.secrets.map((s) => s.secret)), configs: await look('configs', form.configs.map((c) => c.config)) };
  }

  private docker(): Dockerode {
    return this.ctx.engine.docker();
  }

  private async call<T>(r: EngineRequest, action: string, object: string): Promise<T> {
    return swarmCall<T>(this.docker(), r, { action, object, status: this.status.current });
  }
}

const changedMeanwhile = (name: string) =>
  new BerthError(ErrorCode.CONFLICT, `Service ${name} was changed by someone else since you opened it. Reload it, check the change, and apply yours again.`, { field: 'version' });

