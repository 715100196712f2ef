import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode, SWARM_DATA_MAX_BYTES, type SwarmConfigDetails, type SwarmDataKind, type SwarmDataSummary, type TransferTicket } from '../../contract';
import { BerthError } from '../../base/errors';
import type { ServiceContext } from '../context';
import { LiveCollection } from '../common/live-collection';
import { isNotManager } from '../common/swarm-manager';
import { dataApi, listServiceRefs, type EngineDataObject, type EngineServiceRefs } from './engine-types';
import { inUseMessage, mapDataError, nameTakenMessage, tooLargeMessage } from './errors';
import { configContent, toDataSummary, usageOf } from './summaries';

type Ctx = Pick<ServiceContext, 'engine' | 'bus' | 'live' | 'transfers'>;
type DataEvent = 'secrets.changed' | 'configs.changed';
export interface CreateInput {
  name: string;
  labels: Record<string, string>;
}

/**
 * secrets.* or configs.* and their live list (key: ID), fed by the engine's `secret`/`config` events and by
 * `service` events (which change who uses them); every (re)connect and reconciliation relists, and so does a
 * change of swarm membership. Lists are [] when this engine is not a manager.
 */
export class SwarmDataService {
  readonly live: LiveCollection<DataEvent>;
  private readonly api;
  private readonly offStatus: () => void;

  constructor(private readonly ctx: Ctx, private readonly kind: SwarmDataKind) {
    this.api = dataApi[kind];
    const event: DataEvent = kind === 'secret' ? 'secrets.changed' : 'configs.changed';
    this.live = new LiveCollection<DataEvent>(ctx, {
      event,
      what: `swarm ${kind}s`,
      keyOf: (s) => s.id,
      keysFor: async (e, current, docker) => {
        if (e.type === kind) return e.action === 'remove' ? { refresh: [], removed: [e.id] } : [e.id];
        if (e.type !== 'service') return [];
        // Those the service used before, and those it uses now.
        const before = [...current.values()].filter((s) => s.usedBy.some((u) => u.id === e.id)).map((s) => s.id);
        if (e.action === 'remove') return before;
        // Gone meanwhile (removed right after the update): what it used before is all that changed.
        const service = (await docker.getService(e.id).inspect().catch(() => undefined)) as EngineServiceRefs | undefined;
        return [...new Set([...before, ...(service ? this.api.refsOf(service) : [])])];
      },
      list: (docker) => this.read(docker),
      fetch: (docker, ids) => this.read(docker, ids),
    });
    this.offStatus = ctx.live.follow
      ? ctx.bus.on('swarm.status', () => {
          void this.list().then((items) => ctx.bus.emit(event, { kind: 'reset', items }), () => undefined);
        })
      : () => undefined;
  }

  list(): Promise<SwarmDataSummary[]> {
    return this.live.list();
  }

  async inspect(id: string): Promise<SwarmDataSummary> {
    const raw = await this.get(id);
    return toDataSummary(raw, usageOf(this.kind, await listServiceRefs(this.docker())));
  }

  /** configs.inspect: the metadata and the content (text when UTF-8). */
  async inspectConfig(id: string): Promise<SwarmConfigDetails> {
    const raw = await this.get(id);
    return { ...toDataSummary(raw, usageOf(this.kind, await listServiceRefs(this.docker()))), ...configContent(raw.Spec.Data) };
  }

  createFromText(input: CreateInput & { content: string }): Promise<SwarmDataSummary> {
    return this.create(input, Buffer.from(input.content, 'utf8'));
  }

  /** Checks the name first (so the UI can say so before uploading), then issues the upload link. */
  async uploadTicket(input: CreateInput): Promise<TransferTicket> {
    await this.refuseTaken(input.name);
    return this.ctx.transfers.upload({
      maxBytes: SWARM_DATA_MAX_BYTES,
      accept: async (body) => this.create(input, await readAtMost(body, SWARM_DATA_MAX_BYTES, this.kind)),
    });
  }

  /** Refused, naming the services, while any service mounts it. */
  async remove(id: string): Promise<void> {
    const raw = await this.get(id);
    const users = usageOf(this.kind, await listServiceRefs(this.docker())).get(raw.ID) ?? [];
    if (users.length) {
      throw new BerthError(ErrorCode.CONFLICT, inUseMessage(this.kind, raw.Spec.Name, users.map((u) => u.name)), { services: users.map((u) => u.name) });
    }
    try {
      await this.api.remove(this.docker(), raw.ID);
    } catch (err) {
      throw mapDataError(err, this.kind, 'remove', raw.Spec.Name);
    }
    this.live.refresh([raw.ID]);
  }

  dispose(): void {
    this.offStatus();
    this.live.dispose();
  }

  private async create(input: CreateInput, data: Buffer): Promise<SwarmDataSummary> {
    if (data.length === 0) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `The ${this.kind} needs some content; the file is empty.`, { field: 'content' });
    if (data.length > SWARM_DATA_MAX_BYTES) throw new BerthError(ErrorCode.INVALID_ARGUMENT, tooLargeMessage(this.kind), { field: 'content' });
    let id: string;
    try {
      id = await this.api.create(this.docker(), { Name: input.name, Labels: input.labels, Data: data.toString('base64') });
    } catch (err) {
      throw mapDataError(err, this.kind, 'create', input.name);
    }
    this.live.refresh([id]);
    return this.inspect(id);
  }

  private async refuseTaken(name: string): Promise<void> {
    let rows: EngineDataObject[];
    try {
      rows = await this.api.list(this.docker(), { name: [name] });
    } catch (err) {
      throw mapDataError(err, this.kind, 'create', name);
    }
    if (rows.some((r) => r.Spec.Name === name)) throw new BerthError(ErrorCode.CONFLICT, nameTakenMessage(this.kind, name), { field: 'name' });
  }

  /** Every object (or these IDs) with the services that use them; [] when not a manager. */
  private async read(docker: Dockerode, ids?: string[]): Promise<SwarmDataSummary[]> {
    let rows: EngineDataObject[];
    try {
      rows = await this.api.list(docker, ids ? { id: ids } : undefined);
    } catch (err) {
      if (isNotManager(err)) return [];
      throw mapDataError(err, this.kind, 'list', `${this.kind}s`);
    }
    const wanted = ids && new Set(ids);
    const shown = wanted ? rows.filter((r) => wanted.has(r.ID)) : rows;
    const usage = usageOf(this.kind, shown.length ? await listServiceRefs(docker).catch(() => []) : []);
    return shown.map((r) => toDataSummary(r, usage));
  }

  private async get(id: string): Promise<EngineDataObject> {
    try {
      return await this.api.inspect(this.docker(), id);
    } catch (err) {
      throw mapDataError(err, this.kind, 'inspect', id);
    }
  }

  private docker(): Dockerode {
    return this.ctx.engine.docker();
  }
}

/** The upload's bytes, refused as soon as they pass the engine's limit. */
async function readAtMost(body: Readable, max: number, kind: SwarmDataKind): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > max) {
      body.destroy();
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, tooLargeMessage(kind), { field: 'content' });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
