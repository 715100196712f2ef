import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';

/** What HEAD /containers/{id}/archive says about a path (X-Docker-Container-Path-Stat). */
export interface PathStat {
  name: string;
  size: number;
  /** Go's os.FileMode bits. */
  mode: number;
  mtime: string;
  linkTarget: string;
}

// Go's os.FileMode type bits (the engine sends them as they are).
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

export const isDirMode = (mode: number): boolean => Math.floor(mode / MODE_DIR) % 2 === 1;
export const isLinkMode = (mode: number): boolean => Math.floor(mode / MODE_SYMLINK) % 2 === 1;

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
export async function statPath(docker: Dockerode, id: string, path: string, signal?: AbortSignal): Promise<PathStat> {
  const res = await withNotFound(
    docker,
    id,
    path,
    () => docker.getContainer(id).infoArchive({ path, ...(signal ? { abortSignal: signal } : {}) }) as Promise<IncomingMessage>,
  );
  res.resume();
  const header = res.headers['x-docker-container-path-stat'];
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) {
    throw new BerthError(ErrorCode.ENGINE_ERROR, `The engine did not describe ${path}; try again or update the engine.`);
  }
  const stat = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Partial<PathStat>;
  return {
    name: stat.name ?? '',
    size: stat.size ?? 0,
    mode: stat.mode ?? 0,
    mtime: stat.mtime ?? '',
    linkTarget: stat.linkTarget ?? '',
  };
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
