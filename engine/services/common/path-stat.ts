import type { IncomingMessage } from 'node:http';
import type Dockerode from 'dockerode';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';

/** What HEAD /containers/{id}/archive says about a path (the X-Docker-Container-Path-Stat header). */
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

/** Decodes the base64 JSON stat header; `what` names the path in the error when the engine sent none. */
export function decodePathStat(header: string | string[] | undefined, what: string): PathStat {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) {
    throw new BerthError(ErrorCode.ENGINE_ERROR, `The engine did not describe ${what}; try again or update the engine.`);
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

/**
 * HEAD archive of `path` in a container (created or running): its stat. Errors of the call are the caller's to
 * name (a 404 means the path or the container is missing); `what` names the path when the header is missing.
 */
export async function statArchivePath(container: Dockerode.Container, path: string, what: string, signal?: AbortSignal): Promise<PathStat> {
  const res = (await container.infoArchive({ path, ...(signal ? { abortSignal: signal } : {}) })) as IncomingMessage;
  res.resume();
  return decodePathStat(res.headers['x-docker-container-path-stat'], what);
}

/** A link (not to a folder) has no bytes of its own to download: say where it points instead. */
export function refuseLink(stat: PathStat, what: string): void {
  if (isLinkMode(stat.mode) && !isDirMode(stat.mode)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${what} is a link to ${stat.linkTarget || 'another path'}; download the target instead.`);
  }
}
