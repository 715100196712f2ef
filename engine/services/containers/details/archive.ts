import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import { statArchivePath, type PathStat } from '../../common/path-stat';

const containerName = (id: string) => `container ${id}`;

/**
 * The engine answers 404 both for a missing container and a missing path (and a HEAD answer has no body to
 * tell them apart): ask for the container to say which.
 */
export async function notFoundError(docker: Dockerode, id: string, path: string, err: unknown): Promise<BerthError> {
  const mapped = mapDockerError(err, { object: containerName(id) });
  if (mapped.code !== ErrorCode.NOT_FOUND) return mapped;
  try {
    await docker.getContainer(id).inspect();
  } catch (inspectErr) {
    return mapDockerError(inspectErr, { object: containerName(id) });
  }
  return new BerthError(
    ErrorCode.NOT_FOUND,
    `${path} does not exist in container ${id}. Check the path, or go up a folder.`,
    mapped.details,
  );
}

async function withNotFound<T>(docker: Dockerode, id: string, path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw await notFoundError(docker, id, path, err);
  }
}

/** HEAD archive: the path's stat, or NOT_FOUND naming the path or the container. */
export function statPath(docker: Dockerode, id: string, path: string, signal?: AbortSignal): Promise<PathStat> {
  return withNotFound(docker, id, path, () => statArchivePath(docker.getContainer(id), path, path, signal));
}

/** GET archive: the tar stream of a path (a folder with everything under it, or one file). */
export function readArchive(docker: Dockerode, id: string, path: string, signal?: AbortSignal): Promise<Readable> {
  return withNotFound(
    docker,
    id,
    path,
    () => docker.getContainer(id).getArchive({ path, ...(signal ? { abortSignal: signal } : {}) }) as Promise<Readable>,
  );
}
