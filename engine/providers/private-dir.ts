import { chmod, lstat, mkdir } from 'node:fs/promises';
import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';

/**
 * Makes `path` a directory only `uid` can use (0700), or refuses it. Some of Berth's folders have predictable
 * names in shared places (`/tmp/berth-<uid>` for sockets and the rootless runtime dir): another local user
 * could create one first, or make it writable for all, and then plant or replace our sockets. So: a symlink
 * or a folder owned by someone else is refused with a clear error; our own folder with loose modes is
 * tightened to 0700 (the same result as recreating it, without deleting what a running engine holds in it).
 */
export async function ensurePrivateDir(
  path: string,
  owners: number[] | undefined = process.getuid ? [process.getuid()] : undefined,
): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  if (owners === undefined) return; // Windows: no POSIX owners or modes; the user profile folder is private.
  const info = await lstat(path);
  if (info.isSymbolicLink() || !info.isDirectory()) {
    throw new BerthError(
      ErrorCode.FORBIDDEN,
      `${path} is not a plain folder (it is a link or a file). Berth will not use it: remove it and start again.`,
      { path },
    );
  }
  if (!owners.includes(info.uid)) {
    throw new BerthError(
      ErrorCode.FORBIDDEN,
      `${path} belongs to another user (uid ${info.uid}), so Berth will not put its sockets there. ` +
        `Remove it (as root: rm -rf ${path}) or set XDG_RUNTIME_DIR, then start again.`,
      { path, owner: info.uid },
    );
  }
  if ((info.mode & 0o077) !== 0) await chmod(path, 0o700);
}
