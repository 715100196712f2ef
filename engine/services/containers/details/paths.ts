import { posix } from 'node:path';
import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../base/errors';

/**
 * A path inside a container, normalised to an absolute path: ".." cannot climb above "/" (the engine resolves
 * paths inside the container's root anyway; normalising keeps what we show and what we ask for the same).
 */
export function containerPath(input: string): string {
  if (input.includes('\0')) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'The path contains a NUL character; remove it and try again.');
  }
  const normal = posix.normalize(posix.join('/', input.replace(/\\/g, '/')));
  return normal.length > 1 ? normal.replace(/\/+$/, '') : '/';
}

/** The last component of a normalised container path ("/" for the root). */
export const baseName = (path: string): string => (path === '/' ? '/' : posix.basename(path));
