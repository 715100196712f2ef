import type Dockerode from 'dockerode';
import {
  ErrorCode,
  type VolumeDetails,
  type VolumePrunePreview,
  type VolumePruneResult,
  type VolumePruneScope,
  type VolumeSummary,
} from '../../contract';
import { diskUsage } from '../../docker/disk-usage';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import { LiveCollection, type LiveContext, type LiveEngine } from '../common/live-collection';
import { removeStaleHelpers } from './helper';
import { usersByVolume, type EngineVolume } from '../common/volume-usage';
import { toVolumeDetails, toVolumeSummary } from './summary';

const VOLUME_ACTIONS = new Set(['create', 'destroy', 'mount', 'unmount']);

interface DiskUsageVolumes {
  Volumes?: EngineVolume[] | null;
}

export interface CreateVolumeInput {
  name?: string | undefined;
  driver: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

/** volumes.* list/inspect/create/remove/prune, and the live 'volumes.changed' feed. */
export class VolumesService {
  readonly live: LiveCollection<'volumes.changed'>;

  private readonly engine: LiveEngine;

  constructor(ctx: LiveContext) {
    this.engine = ctx.engine;
    this.live = new LiveCollection(ctx, {
      event: 'volumes.changed',
      what: 'volumes',
      keyOf: (v) => v.name,
      keysFor: (event, current, docker) => this.keysFor(event, current, docker),
      list: (docker) => this.listWith(docker),
      fetch: (docker, names) => this.fetch(docker, names),
      afterRelist: async (docker, reason) => {
        if (reason === 'connected') await removeStaleHelpers(docker);
      },
    });
  }

  list(): Promise<VolumeSummary[]> {
    return this.live.list();
  }

  async inspect(name: string): Promise<VolumeDetails> {
    const docker = this.engine.docker();
    const volume = await this.inspectRaw(docker, name);
    const users = usersByVolume(await listContainers(docker, { volume: [name] }));
    const known = this.live.current.get(name)?.size;
    return toVolumeDetails(volume, { usedBy: users.get(name) ?? [], ...(known !== undefined ? { size: known } : {}) });
  }

  async create(input: CreateVolumeInput): Promise<VolumeSummary> {
    const docker = this.engine.docker();
    if (input.name) {
      // The engine answers "create" of an existing name with the existing volume; a person means a new one.
      const exists = await docker.getVolume(input.name).inspect().then(
        () => true,
        () => false,
      );
      if (exists) {
        throw new BerthError(ErrorCode.CONFLICT, `A volume named "${input.name}" already exists. Choose another name.`);
      }
    }
    let created: EngineVolume;
    try {
      const volume = await docker.createVolume({
        ...(input.name ? { Name: input.name } : {}),
        Driver: input.driver,
        DriverOpts: input.driverOpts,
        Labels: input.labels,
      });
      created = await inspectVolume(volume);
    } catch (err) {
      throw mapDockerError(err, { action: 'create', object: `volume ${input.name ?? ''}`.trim() });
    }
    return toVolumeSummary(created, { usedBy: [] });
  }

  async remove(name: string, force = false): Promise<void> {
    const docker = this.engine.docker();
    try {
      await docker.getVolume(name).remove({ force });
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'remove', object: `volume ${name}` });
      if (mapped.code !== ErrorCode.CONFLICT) throw mapped;
      const users = usersByVolume(await listContainers(docker, { volume: [name] })).get(name) ?? [];
      throw new BerthError(
        ErrorCode.CONFLICT,
        users.length > 0
          ? `Volume ${name} is in use by ${plural(users.length, 'container')} ${users.join(', ')}. Remove ${users.length > 1 ? 'them' : 'it'} first (stopping is not enough), then remove the volume.`
          : `Volume ${name} is in use. Remove the containers that use it first, then remove the volume.`,
        { ...(mapped.details as object), usedBy: users },
      );
    }
  }

  /** Unused volumes (no container in any state mounts them), anonymous only unless scope is 'all'. */
  async prunePreview(scope: VolumePruneScope): Promise<VolumePrunePreview> {
    const candidates = (await this.listWith(this.engine.docker())).filter(
      (v) => v.usedBy.length === 0 && v.refCount === 0 && (scope === 'all' || v.anonymous),
    );
    return {
      scope,
      volumes: candidates.map((v) => ({ name: v.name, anonymous: v.anonymous, ...(v.size !== undefined ? { size: v.size } : {}) })),
      reclaimableBytes: candidates.reduce((sum, v) => sum + (v.size ?? 0), 0),
    };
  }

  /**
   * Removes what the preview lists, one by one, so a prune never removes more than was shown (the engine's
   * own prune on API 1.41 cannot keep named volumes).
   */
  async prune(scope: VolumePruneScope): Promise<VolumePruneResult> {
    const preview = await this.prunePreview(scope);
    const docker = this.engine.docker();
    const result: VolumePruneResult = { removed: [], failed: [], reclaimedBytes: 0 };
    for (const v of preview.volumes) {
      try {
        await docker.getVolume(v.name).remove();
        result.removed.push(v.name);
        result.reclaimedBytes += v.size ?? 0;
      } catch (err) {
        result.failed.push({ name: v.name, message: mapDockerError(err, { action: 'remove', object: `volume ${v.name}` }).message });
      }
    }
    return result;
  }

  dispose(): void {
    this.live.dispose();
  }

  private async inspectRaw(docker: Dockerode, name: string): Promise<EngineVolume> {
    try {
      return await inspectVolume(docker.getVolume(name));
    } catch (err) {
      throw mapDockerError(err, { object: `volume ${name}` });
    }
  }

  private async listWith(docker: Dockerode): Promise<VolumeSummary[]> {
    try {
      const [listed, df, containers] = await Promise.all([
        docker.listVolumes() as Promise<{ Volumes: EngineVolume[] | null }>,
        diskUsage<DiskUsageVolumes>(docker),
        docker.listContainers({ all: true }),
      ]);
      const usage = new Map((df.Volumes ?? []).map((v) => [v.Name, v.UsageData ?? undefined]));
      const users = usersByVolume(containers);
      return (listed.Volumes ?? []).map((v) => {
        const u = usage.get(v.Name);
        return toVolumeSummary(v, {
          usedBy: users.get(v.Name) ?? [],
          ...(u ? { size: u.Size, refCount: u.RefCount } : {}),
        });
      });
    } catch (err) {
      throw mapDockerError(err, { action: 'list', object: 'volumes' });
    }
  }

  /** Only the named volumes: inspect each, one containers query for all; sizes come from the last full list. */
  private async fetch(docker: Dockerode, names: string[]): Promise<VolumeSummary[]> {
    const found = await Promise.all(
      names.map((n) =>
        docker
          .getVolume(n)
          .inspect()
          .then(
            (v) => v as unknown as EngineVolume,
            (err: unknown) => {
              if ((err as { statusCode?: number }).statusCode === 404) return undefined;
              throw err;
            },
          ),
      ),
    );
    const present = found.filter((v): v is EngineVolume => v !== undefined);
    if (present.length === 0) return [];
    const users = usersByVolume(await listContainers(docker, { volume: present.map((v) => v.Name) }));
    return present.map((v) => {
      const size = this.live.current.get(v.Name)?.size;
      return toVolumeSummary(v, { usedBy: users.get(v.Name) ?? [], ...(size !== undefined ? { size } : {}) });
    });
  }

  /** Volume events name the volume; container create/destroy change who uses a volume without one. */
  private async keysFor(
    event: DockerEvent,
    current: ReadonlyMap<string, VolumeSummary>,
    docker: Dockerode,
  ): Promise<string[]> {
    if (event.type === 'volume' && VOLUME_ACTIONS.has(event.action)) return [event.id];
    if (event.type !== 'container') return [];
    if (event.action === 'destroy') {
      const name = event.attributes.name;
      return [...current.values()].filter((v) => name && v.usedBy.includes(name)).map((v) => v.name);
    }
    if (event.action === 'create') {
      const info = await docker.getContainer(event.id).inspect();
      return info.Mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name ?? '');
    }
    return [];
  }
}

/** dockerode types the answer loosely; this is the engine's shape. */
async function inspectVolume(volume: Dockerode.Volume): Promise<EngineVolume> {
  const raw: unknown = await volume.inspect();
  return raw as EngineVolume;
}

async function listContainers(docker: Dockerode, filters: Record<string, string[]>): Promise<Dockerode.ContainerInfo[]> {
  try {
    return await docker.listContainers({ all: true, filters });
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'containers' });
  }
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
