import type Dockerode from 'dockerode';
import {
  ErrorCode,
  imageDisplayName,
  shortImageId,
  parseImageReference,
  type ImageDetails,
  type ImageHistoryEntry,
  type ImageSummary,
  type ImagePrunePreview,
  type ImagePruneResult,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import type { EventBus } from '../../base/event-bus';
import type { RelistReason } from '../engine/engine-manager';
import { fromInspect, fromListItem, toHistory, usageOf, type ImageUsage } from './summary';

/** The slice of the engine connection this service needs (EngineManager implements it). */
export interface ImagesEngineAccess {
  docker(): Dockerode;
  onEvent(listener: (event: DockerEvent) => void): () => void;
  onRelist(listener: (reason: RelistReason) => void): () => void;
}

/** Image events that change a row; push and save do not. */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'create']);
/** Container events that change which containers use an image. */
const USAGE_ACTIONS = new Set(['create', 'destroy']);

/**
 * images.* list/inspect/history/tag/remove/prune, and the live 'images.changed' feed: image events fetch only
 * the named images; container create/destroy updates which containers use which image; every (re)connect and
 * reconciliation sends a reset.
 */
export class ImagesService {
  /** The rows as last sent, to find images whose tags moved or whose containers changed. */
  private readonly known = new Map<string, ImageSummary>();
  private readonly pendingImages = new Map<string, 'changed' | 'deleted'>();
  private usageChanged = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[];
  private disposed = false;

  constructor(
    private readonly engine: ImagesEngineAccess,
    private readonly bus: EventBus,
    private readonly coalesceMs = 50,
  ) {
    this.unsubscribe = [
      engine.onEvent((event) => this.onEngineEvent(event)),
      engine.onRelist((reason) => void this.relist(reason)),
    ];
  }

  async list(): Promise<ImageSummary[]> {
    const docker = this.engine.docker();
    try {
      const [images, containers] = await Promise.all([docker.listImages({ all: false }), docker.listContainers({ all: true })]);
      const usage = usageOf(containers);
      return images.map((i) => fromListItem(i, usage));
    } catch (err) {
      throw mapDockerError(err, { action: 'list', object: 'images' });
    }
  }

  async inspect(id: string): Promise<ImageDetails> {
    const docker = this.engine.docker();
    try {
      const [raw, containers] = await Promise.all([docker.getImage(id).inspect(), docker.listContainers({ all: true })]);
      return { summary: fromInspect(raw, usageOf(containers)), raw };
    } catch (err) {
      throw mapDockerError(err, { action: 'inspect', object: `image ${id}` });
    }
  }

  async history(id: string): Promise<ImageHistoryEntry[]> {
    try {
      return toHistory((await this.engine.docker().getImage(id).history()) as Parameters<typeof toHistory>[0]);
    } catch (err) {
      throw mapDockerError(err, { action: 'read the history of', object: `image ${id}` });
    }
  }

  async tag(source: string, repo: string, tag: string): Promise<void> {
    const parsed = parseImageReference(repo);
    if (parsed.ok && (parsed.ref.tag || parsed.ref.digest)) {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Give the repository "${repo}" without a tag; the tag is a separate field.`);
    }
    try {
      await this.engine.docker().getImage(source).tag({ repo, tag });
    } catch (err) {
      throw mapDockerError(err, { action: 'tag', object: `image ${source}` });
    }
  }

  /** Removes an image, or untags it when `id` is one of several names. Returns what the engine untagged and deleted. */
  async remove(id: string, force = false): Promise<string[]> {
    const docker = this.engine.docker();
    try {
      const answer = (await docker.getImage(id).remove({ force })) as { Untagged?: string; Deleted?: string }[];
      return answer.map((r) => r.Deleted ?? r.Untagged ?? '').filter(Boolean);
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'remove', object: `image ${id}` });
      if (mapped.code !== ErrorCode.CONFLICT) throw mapped;
      throw await this.removeConflict(docker, id, mapped);
    }
  }

  async prunePreview(danglingOnly: boolean): Promise<ImagePrunePreview> {
    const docker = this.engine.docker();
    try {
      const [images, df] = await Promise.all([this.list(), docker.df() as Promise<{ Images?: { Id: string; Size: number; SharedSize: number }[] }>]);
      const candidates = images.filter((i) => i.containers.length === 0 && (!danglingOnly || i.dangling));
      const unique = new Map((df.Images ?? []).map((i) => [i.Id, i.SharedSize >= 0 ? i.Size - i.SharedSize : i.Size]));
      const reclaimableBytes = candidates.reduce((sum, i) => sum + (unique.get(i.id) ?? i.size), 0);
      return { images: candidates, reclaimableBytes };
    } catch (err) {
      throw mapDockerError(err, { action: 'compute what pruning frees', object: 'images' });
    }
  }

  async prune(danglingOnly: boolean): Promise<ImagePruneResult> {
    try {
      const answer = (await this.engine.docker().pruneImages({ filters: { dangling: [String(danglingOnly)] } })) as {
        ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null;
        SpaceReclaimed?: number;
      };
      const deleted = (answer.ImagesDeleted ?? []).flatMap((r) => (r.Deleted ? [r.Deleted] : []));
      return { deleted, reclaimedBytes: answer.SpaceReclaimed ?? 0 };
    } catch (err) {
      throw mapDockerError(err, { action: 'prune', object: 'images' });
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    this.pendingImages.clear();
    for (const off of this.unsubscribe) off();
  }

  /** The engine's conflict, reworded with the containers that hold the image (or its other tags). */
  private async removeConflict(docker: Dockerode, id: string, mapped: BerthError): Promise<BerthError> {
    const engineMessage = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage ?? '';
    const image = await docker.getImage(id).inspect().catch(() => undefined);
    const users = image ? (usageOf(await docker.listContainers({ all: true }).catch(() => [])).get(image.Id) ?? []) : [];
    const name = image ? imageDisplayName({ id: image.Id, repoTags: image.RepoTags ?? [], repoDigests: image.RepoDigests ?? [] }) : id;
    if (users.length > 0) {
      return new BerthError(
        ErrorCode.CONFLICT,
        `${name} is used by ${users.length === 1 ? 'container' : 'containers'} ${users.join(', ')}. Remove ${users.length === 1 ? 'it' : 'them'} first, or remove the image with force (the containers stay but lose their image name).`,
        { ...(mapped.details as object), containers: users },
      );
    }
    if (/multiple repositories|referenced in multiple/i.test(engineMessage) && image) {
      return new BerthError(
        ErrorCode.CONFLICT,
        `${shortImageId(image.Id)} has several names (${(image.RepoTags ?? []).join(', ')}). Remove one name at a time, or remove it with force to delete every name.`,
        mapped.details,
      );
    }
    return mapped;
  }

  private async relist(reason: RelistReason): Promise<void> {
    try {
      const items = await this.list();
      if (this.disposed) return;
      this.known.clear();
      for (const i of items) this.known.set(i.id, i);
      this.bus.emit('images.changed', { kind: 'reset', items });
    } catch (err) {
      console.warn(`[berth] images relist (${reason}) failed:`, err instanceof Error ? err.message : err);
    }
  }

  private onEngineEvent(event: DockerEvent): void {
    if (event.type === 'image' && IMAGE_ACTIONS.has(event.action) && event.id) {
      this.pendingImages.set(event.id, event.action === 'delete' ? 'deleted' : 'changed');
    } else if (event.type === 'container' && USAGE_ACTIONS.has(event.action)) {
      this.usageChanged = true;
    } else return;
    this.flushTimer ??= setTimeout(() => void this.flush(), this.coalesceMs);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const batch = [...this.pendingImages];
    this.pendingImages.clear();
    const usageChanged = this.usageChanged;
    this.usageChanged = false;
    let docker: Dockerode;
    let upserts: ImageSummary[];
    const removed = batch.filter(([, kind]) => kind === 'deleted').map(([id]) => id);
    try {
      docker = this.engine.docker();
      const usage = usageOf(await docker.listContainers({ all: true }));
      const changed = batch.filter(([, kind]) => kind === 'changed').map(([ref]) => ref);
      upserts = await this.fetch(docker, changed, usage, removed);
      // A tag that moved to another image left the previous holder: refresh it too.
      const moved = new Set(upserts.flatMap((u) => u.repoTags));
      const fetched = new Set(upserts.map((u) => u.id));
      const previous = [...this.known.values()].filter((k) => !fetched.has(k.id) && k.repoTags.some((t) => moved.has(t)));
      upserts.push(...(await this.fetch(docker, previous.map((p) => p.id), usage, removed)));
      if (usageChanged) upserts.push(...this.usageUpdates(usage, new Set(upserts.map((u) => u.id))));
    } catch (err) {
      if (!(err instanceof BerthError && err.code === ErrorCode.ENGINE_UNREACHABLE)) {
        console.warn('[berth] image refresh failed:', err instanceof Error ? err.message : err);
      }
      return;
    }
    if (this.disposed || !this.sameEngine(docker) || (upserts.length === 0 && removed.length === 0)) return;
    for (const id of removed) this.known.delete(id);
    for (const u of upserts) this.known.set(u.id, u);
    this.bus.emit('images.changed', { kind: 'patch', upserts, removed });
  }

  /** Inspects each reference; one that is gone (untagged and deleted meanwhile) is added to `removed`. */
  private async fetch(docker: Dockerode, refs: string[], usage: ImageUsage, removed: string[]): Promise<ImageSummary[]> {
    const results = await Promise.all(
      refs.map(async (ref) => {
        try {
          return fromInspect(await docker.getImage(ref).inspect(), usage);
        } catch (err) {
          const mapped = mapDockerError(err, { object: `image ${ref}` });
          if (mapped.code !== ErrorCode.NOT_FOUND) throw mapped;
          if (ref.startsWith('sha256:')) removed.push(ref);
          return undefined;
        }
      }),
    );
    const byId = new Map<string, ImageSummary>();
    for (const r of results) if (r) byId.set(r.id, r);
    return [...byId.values()];
  }

  /** Known images whose list of containers differs from `usage`. */
  private usageUpdates(usage: ImageUsage, skip: Set<string>): ImageSummary[] {
    const out: ImageSummary[] = [];
    for (const image of this.known.values()) {
      if (skip.has(image.id)) continue;
      const now = usage.get(image.id) ?? [];
      if (now.join('\n') !== image.containers.join('\n')) out.push({ ...image, containers: now });
    }
    return out;
  }

  private sameEngine(docker: Dockerode): boolean {
    try {
      return this.engine.docker() === docker;
    } catch {
      return false;
    }
  }
}
