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
import { diskUsage } from '../../docker/disk-usage';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import { LiveCollection, type LiveContext, type LiveEngine } from '../common/live-collection';
import { fromInspect, fromListItem, toHistory, usageOf, type ImageUsage } from './summary';

/** Image events that change a row; push and save do not. */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'create']);
/** Container events that change which containers use an image. */
const USAGE_ACTIONS = new Set(['create', 'destroy']);
/** The key that asks to recompute which containers use every known image (no image key has a '#'). */
const USAGE = '#usage';

/**
 * images.* list/inspect/history/tag/remove/prune, and the live 'images.changed' feed: image events fetch only
 * the named images; container create/destroy updates which containers use which image; every (re)connect and
 * reconciliation sends a reset.
 */
export class ImagesService {
  readonly live: LiveCollection<'images.changed'>;
  private readonly engine: LiveEngine;

  constructor(ctx: LiveContext) {
    this.engine = ctx.engine;
    this.live = new LiveCollection(ctx, {
      event: 'images.changed',
      what: 'images',
      keyOf: (i) => i.id,
      keysFor: (event) => {
        if (event.type === 'image' && IMAGE_ACTIONS.has(event.action) && event.id) {
          return event.action === 'delete' ? { refresh: [], removed: [event.id] } : [event.id];
        }
        return event.type === 'container' && USAGE_ACTIONS.has(event.action) ? [USAGE] : [];
      },
      list: (docker) => listImages(docker),
      fetch: (docker, keys, known) => refreshImages(docker, keys, known),
    });
  }

  list(): Promise<ImageSummary[]> {
    return this.live.list();
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
      const [images, df] = await Promise.all([listImages(docker), diskUsage<{ Images?: { Id: string; Size: number; SharedSize: number }[] }>(docker)]);
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
    this.live.dispose();
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
}

async function listImages(docker: Dockerode): Promise<ImageSummary[]> {
  try {
    const [images, containers] = await Promise.all([docker.listImages({ all: false }), docker.listContainers({ all: true })]);
    const usage = usageOf(containers);
    return images.map((i) => fromListItem(i, usage));
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'images' });
  }
}

/** The images these references name, the previous holders of tags that moved, and usage changes if asked. */
async function refreshImages(docker: Dockerode, keys: string[], known: ReadonlyMap<string, ImageSummary>): Promise<ImageSummary[]> {
  const usage = usageOf(await docker.listContainers({ all: true }));
  const upserts = await inspectImages(docker, keys.filter((k) => k !== USAGE), usage);
  // A tag that moved to another image left the previous holder: refresh it too.
  const moved = new Set(upserts.flatMap((u) => u.repoTags));
  const fetched = new Set(upserts.map((u) => u.id));
  const previous = [...known.values()].filter((k) => !fetched.has(k.id) && k.repoTags.some((t) => moved.has(t)));
  upserts.push(...(await inspectImages(docker, previous.map((p) => p.id), usage)));
  if (keys.includes(USAGE)) upserts.push(...usageUpdates(known, usage, new Set(upserts.map((u) => u.id))));
  return upserts;
}

/** Inspects each reference; one that is gone (untagged and deleted meanwhile) is left out. */
async function inspectImages(docker: Dockerode, refs: string[], usage: ImageUsage): Promise<ImageSummary[]> {
  const results = await Promise.all(
    refs.map(async (ref) => {
      try {
        return fromInspect(await docker.getImage(ref).inspect(), usage);
      } catch (err) {
        const mapped = mapDockerError(err, { object: `image ${ref}` });
        if (mapped.code !== ErrorCode.NOT_FOUND) throw mapped;
        return undefined;
      }
    }),
  );
  const byId = new Map<string, ImageSummary>();
  for (const r of results) if (r) byId.set(r.id, r);
  return [...byId.values()];
}

/** Known images whose list of containers differs from `usage`. */
function usageUpdates(known: ReadonlyMap<string, ImageSummary>, usage: ImageUsage, skip: Set<string>): ImageSummary[] {
  const out: ImageSummary[] = [];
  for (const image of known.values()) {
    if (skip.has(image.id)) continue;
    const now = usage.get(image.id) ?? [];
    if (now.join('\n') !== image.containers.join('\n')) out.push({ ...image, containers: now });
  }
  return out;
}
