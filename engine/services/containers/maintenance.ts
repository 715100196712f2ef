import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import {
  ErrorCode,
  type ContainerPrunePreview,
  type ContainerPruneResult,
  type TransferTicket,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import type { DockerAccess } from './create';
import { toContainerSummary } from '../common/container-summary';

// Rename, commit, export and prune: the container actions that are not start/stop/remove.

/** What pruning removes: everything not running, paused or restarting (as `docker container prune`). */
const STOPPED = ['created', 'exited', 'dead'];

export async function renameContainer(engine: DockerAccess, id: string, name: string): Promise<void> {
  try {
    await engine.docker().getContainer(id).rename({ name });
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'rename', object: `container ${id}` });
    if (mapped.code === ErrorCode.CONFLICT) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `The name "${name}" is already used by another container. Choose another name.`,
        mapped.details,
      );
    }
    throw mapped;
  }
}

export interface CommitRequest {
  id: string;
  repo: string;
  tag: string;
  message?: string | undefined;
  author?: string | undefined;
}

/**
 * Saves the container's filesystem as an image. The engine pauses a running container while it copies (as
 * `docker commit` does), so what is saved is consistent. One request, answered when the image exists.
 */
export async function commitContainer(
  engine: DockerAccess,
  req: CommitRequest,
): Promise<{ imageId: string }> {
  try {
    const result = (await engine
      .docker()
      .getContainer(req.id)
      .commit({
        repo: req.repo,
        tag: req.tag,
        ...(req.message ? { comment: req.message } : {}),
        ...(req.author ? { author: req.author } : {}),
        pause: true,
      })) as { Id?: string; id?: string };
    const imageId = result.Id ?? result.id;
    if (!imageId)
      throw new BerthError(
        ErrorCode.ENGINE_ERROR,
        'The engine did not say which image it made; check the Images list.',
      );
    return { imageId };
  } catch (err) {
    throw mapDockerError(err, { action: 'commit', object: `container ${req.id}` });
  }
}

/** A download ticket for `docker export`: a tar of the container's filesystem, streamed when fetched. */
export async function exportContainer(
  engine: DockerAccess,
  transfers: TransferRegistry,
  id: string,
): Promise<TransferTicket> {
  const container = engine.docker().getContainer(id);
  // Checked now, so an unknown container fails here rather than as a broken download later.
  const info = await container.inspect().catch((err: unknown) => {
    throw mapDockerError(err, { action: 'export', object: `container ${id}` });
  });
  const name = info.Name.replace(/^\//, '');
  return transfers.download({
    filename: `${name}.tar`,
    contentType: 'application/x-tar',
    open: async (signal) => {
      try {
        return (await container.export({ abortSignal: signal })) as Readable;
      } catch (err) {
        throw mapDockerError(err, { action: 'export', object: `container ${name}` });
      }
    },
  });
}

/** A list row with size=true: the engine adds the writable layer's size. */
type SizedInfo = Dockerode.ContainerInfo & { SizeRw?: number };

async function stoppedContainers(docker: Dockerode): Promise<SizedInfo[]> {
  try {
    // size=true makes the engine compute SizeRw: slow with many containers, so only the preview asks for it.
    return await docker.listContainers({ all: true, size: true, filters: { status: STOPPED } });
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'stopped containers' });
  }
}

export async function prunePreview(engine: DockerAccess): Promise<ContainerPrunePreview> {
  const stopped = await stoppedContainers(engine.docker());
  const containers = stopped.map((info) => {
    const s = toContainerSummary(info);
    return {
      id: s.id,
      name: s.name,
      image: s.image,
      state: s.state,
      status: s.status,
      sizeRw: info.SizeRw ?? 0,
    };
  });
  containers.sort((a, b) => b.sizeRw - a.sizeRw || (a.name < b.name ? -1 : 1));
  return { containers, totalBytes: containers.reduce((sum, c) => sum + c.sizeRw, 0) };
}

/**
 * With `ids` (from the preview the user saw): removes exactly those that are still stopped, one by one, so a
 * container stopped after the preview is never removed unseen. Without `ids`: the engine's own
 * POST /containers/prune, which removes every stopped container at that moment.
 */
export async function pruneContainers(
  engine: DockerAccess,
  ids: string[] | undefined,
): Promise<ContainerPruneResult> {
  const docker = engine.docker();
  if (!ids) {
    try {
      const r = await docker.pruneContainers();
      return { removed: r.ContainersDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0, skipped: [] };
    } catch (err) {
      throw mapDockerError(err, { action: 'prune', object: 'containers' });
    }
  }
  const stopped = new Map((await stoppedContainers(docker)).map((c) => [c.Id, c]));
  const result: ContainerPruneResult = { removed: [], spaceReclaimed: 0, skipped: [] };
  for (const id of ids) {
    const info = stopped.get(id) ?? [...stopped.values()].find((c) => c.Id.startsWith(id));
    if (!info) {
      result.skipped.push({ id, name: id.slice(0, 12), reason: 'It is running now, or already gone.' });
      continue;
    }
    const name = toContainerSummary(info).name;
    try {
      await docker.getContainer(info.Id).remove({ v: false });
      result.removed.push(info.Id);
      result.spaceReclaimed += info.SizeRw ?? 0;
    } catch (err) {
      result.skipped.push({
        id: info.Id,
        name,
        reason: mapDockerError(err, { action: 'remove', object: `container ${name}` }).message,
      });
    }
  }
  return result;
}
