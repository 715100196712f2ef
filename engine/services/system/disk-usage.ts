import type Dockerode from 'dockerode';
import { DEFAULT_CLEANUP, type DiskUsage, type PruneItem, type SystemPruneOptions, type SystemPrunePreview } from '../../contract';
import { diskUsage } from '../../docker/disk-usage';
import { mapDockerError } from '../../docker/errors';
import { isAnonymousVolume, usersByVolume, type EngineVolume } from '../common/volume-usage';

/** The parts of GET /system/df (API 1.41) Berth reads. */
export interface EngineDiskUsage {
  LayersSize?: number;
  Images?: { Id: string; RepoTags?: string[] | null; Containers: number; Size: number; SharedSize: number; Created: number }[] | null;
  Containers?: (Dockerode.ContainerInfo & { SizeRw?: number })[] | null;
  Volumes?: EngineVolume[] | null;
  BuildCache?: { ID: string; Type?: string; Description?: string; InUse: boolean; Shared: boolean; Size: number }[] | null;
}

export async function readDiskUsage(docker: Dockerode): Promise<EngineDiskUsage> {
  try {
    return await diskUsage<EngineDiskUsage>(docker);
  } catch (err) {
    throw mapDockerError(err, { action: 'read', object: 'disk usage' });
  }
}

const known = (n: number | undefined) => (n !== undefined && n > 0 ? n : 0);
/** Still there after a container prune: the engine counts paused and restarting containers as running. */
export const keepsRunning = (state: string) => state === 'running' || state === 'paused' || state === 'restarting' || state === 'removing';

/**
 * Totals and reclaimable bytes per kind, computed like `docker system df`, and what the default clean-up frees
 * (computed by the same plan as its preview, so the page and the dialog show one figure).
 */
export function summarizeDiskUsage(df: EngineDiskUsage): DiskUsage {
  const cleanup = prunePlan(df, DEFAULT_CLEANUP, []).reclaimableBytes;
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  // Layers shared between images are counted once: the total is the layer store, and what a prune cannot free
  // is the unique part of every image a container uses.
  const imagesTotal = df.LayersSize ?? images.reduce((s, i) => s + known(i.Size), 0);
  const imagesUsed = images.filter((i) => i.Containers > 0).reduce((s, i) => s + Math.max(0, i.Size - Math.max(0, i.SharedSize)), 0);
  return {
    images: {
      count: images.length,
      active: images.filter((i) => i.Containers > 0).length,
      totalBytes: imagesTotal,
      reclaimableBytes: Math.max(0, imagesTotal - imagesUsed),
      cleanupBytes: cleanup.images,
    },
    containers: {
      count: containers.length,
      active: containers.filter((c) => keepsRunning(c.State)).length,
      totalBytes: containers.reduce((s, c) => s + known(c.SizeRw), 0),
      reclaimableBytes: containers.filter((c) => !keepsRunning(c.State)).reduce((s, c) => s + known(c.SizeRw), 0),
      cleanupBytes: cleanup.containers,
    },
    volumes: {
      count: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      totalBytes: volumes.reduce((s, v) => s + known(v.UsageData?.Size), 0),
      reclaimableBytes: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).reduce((s, v) => s + known(v.UsageData?.Size), 0),
      cleanupBytes: cleanup.volumes,
    },
    buildCache: {
      count: cache.length,
      active: cache.filter((c) => c.InUse).length,
      totalBytes: cache.reduce((s, c) => s + known(c.Size), 0),
      reclaimableBytes: cache.filter((c) => !c.InUse && !c.Shared).reduce((s, c) => s + known(c.Size), 0),
      cleanupBytes: cleanup.buildCache,
    },
  };
}

const isDangling = (tags: string[] | null | undefined) => !tags || tags.length === 0 || tags.every((t) => t === '<none>:<none>');
const nameOf = (c: Dockerode.ContainerInfo) => (c.Names[0] ?? c.Id).replace(/^\//, '');
const sum = (items: PruneItem[]) => items.reduce((s, i) => s + (i.size ?? 0), 0);

/**
 * What a system prune removes, in the engine's order: stopped containers first, then images, networks and
 * volumes no remaining container uses, then unused build cache. Networks come from the networks service.
 */
export function prunePlan(
  df: EngineDiskUsage,
  options: SystemPruneOptions,
  unusedNetworks: PruneItem[],
): SystemPrunePreview {
  const all = df.Containers ?? [];
  const remaining = all.filter((c) => keepsRunning(c.State));
  const containers: PruneItem[] = all
    .filter((c) => !keepsRunning(c.State))
    .map((c) => ({ id: c.Id, name: nameOf(c), detail: c.Status, ...(c.SizeRw !== undefined ? { size: c.SizeRw } : {}) }));

  const usedImages = new Set(remaining.map((c) => c.ImageID));
  const images: PruneItem[] = (df.Images ?? [])
    .filter((i) => !usedImages.has(i.Id) && (options.allImages || isDangling(i.RepoTags)))
    .map((i) => ({
      id: i.Id,
      name: isDangling(i.RepoTags) ? i.Id.replace(/^sha256:/, '').slice(0, 12) : (i.RepoTags ?? []).join(', '),
      size: Math.max(0, i.Size - Math.max(0, i.SharedSize)),
      detail: isDangling(i.RepoTags) ? 'untagged' : 'unused',
    }));

  const users = usersByVolume(remaining);
  const volumes: PruneItem[] =
    options.volumes === 'none'
      ? []
      : (df.Volumes ?? [])
          .filter((v) => !users.has(v.Name) && (options.volumes === 'all' || isAnonymousVolume(v.Name, v.Labels ?? {})))
          .map((v) => ({
            id: v.Name,
            name: v.Name,
            detail: isAnonymousVolume(v.Name, v.Labels ?? {}) ? 'anonymous' : 'named',
            ...(v.UsageData && v.UsageData.Size >= 0 ? { size: v.UsageData.Size } : {}),
          }));

  const buildCache: PruneItem[] = options.buildCache
    ? (df.BuildCache ?? [])
        .filter((c) => !c.InUse)
        .map((c) => ({ id: c.ID, name: c.Description || c.ID.slice(0, 12), size: c.Size, detail: c.Type ?? 'cache' }))
    : [];

  const bytes = {
    containers: sum(containers),
    images: sum(images),
    networks: 0,
    volumes: sum(volumes),
    buildCache: sum(buildCache),
  };
  return {
    options,
    containers,
    images,
    networks: unusedNetworks,
    volumes,
    buildCache,
    reclaimableBytes: { ...bytes, total: Object.values(bytes).reduce((a, b) => a + b, 0) },
  };
}
