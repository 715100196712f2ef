import { posix } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import { ErrorCode, type FileEntry, type FileListing, type FilePreview, type TransferTicket } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import type { TransferRegistry } from '../../../base/transfers';
import { FolderListing, fileEntry } from '../../common/file-listing';
import { isDirMode, refuseLink } from '../../common/path-stat';
import { TarParser } from '../../common/tar';
import { archiveReadError, feedTar, firstFileOf } from '../../common/tar-stream';
import { previewFromArchive } from '../../common/file-preview';
import { MAX_UPLOAD_BYTES, putSpooledFile } from '../../common/file-upload';
import { notFoundError, readArchive, statPath } from './archive';
import { baseName, containerPath } from './paths';

/** Reading a folder means reading everything below it: stop after this much and say the listing is partial. */
export const LIST_BYTE_BUDGET = 512 * 1024 * 1024;

export interface FilesDeps {
  docker: () => Dockerode;
  transfers: TransferRegistry;
}

/** Lists a folder through the archive API (works on stopped containers), reading only tar headers. */
export async function listFiles(deps: FilesDeps, id: string, rawPath: string): Promise<FileListing> {
  const path = containerPath(rawPath);
  const docker = deps.docker();
  const first = await listOnce(docker, id, path);
  // A link to a folder (e.g. /lib -> usr/lib): a trailing slash makes the engine follow it.
  if (first.type === 'link' && path !== '/') {
    const followed = await listOnce(docker, id, `${path}/`);
    return { ...followed, path };
  }
  return first;
}

async function listOnce(docker: Dockerode, id: string, path: string): Promise<FileListing> {
  const controller = new AbortController();
  const source = await readArchive(docker, id, path, controller.signal);
  const listing = new FolderListing((name) => posix.join(path, name));
  let root: FileEntry | undefined;
  let rootName: string | undefined;
  const parser = new TarParser({
    entry: (h) => {
      // The archive names everything below the folder's own name: "data/", "data/sub/x".
      const parts = h.name.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
      if (rootName === undefined) {
        rootName = parts[0] ?? '';
        root = fileEntry(parts.at(-1) ?? h.name, path, h);
      } else if (parts[0] === rootName) listing.add(parts.slice(1), h);
      return false;
    },
  });
  let complete: boolean;
  try {
    complete = await feedTar(source as AsyncIterable<Buffer>, parser, LIST_BYTE_BUDGET);
  } catch (err) {
    throw archiveReadError(err, path, { object: `container ${id}`, action: 'read files of' });
  } finally {
    controller.abort();
    source.destroy();
  }
  const type = root?.type ?? 'other';
  const entries = type === 'dir' || !root ? listing.entries() : [root];
  return { path, type, entries, truncated: !complete || listing.truncated };
}

/** A ticket for a file's bytes (extracted from the archive stream) or a tar of a folder. */
export async function downloadTicket(deps: FilesDeps, id: string, rawPath: string): Promise<TransferTicket> {
  const path = containerPath(rawPath);
  const docker = deps.docker();
  const s = await statPath(docker, id, path);
  refuseLink(s, path);
  const folder = isDirMode(s.mode);
  const name = path === '/' ? 'rootfs' : baseName(path);
  return deps.transfers.download({
    filename: folder ? `${name}.tar` : name,
    contentType: folder ? 'application/x-tar' : 'application/octet-stream',
    open: async (signal) => {
      const source = await readArchive(deps.docker(), id, path, signal);
      if (folder) return source;
      const out = new PassThrough();
      pipeline(source, firstFileOf(), out).catch((err: unknown) => out.destroy(err as Error));
      return out;
    },
  });
}

/** The start of a file, for a read-only preview (folders and links are refused: open them instead). */
export async function previewFile(deps: FilesDeps, id: string, rawPath: string): Promise<FilePreview> {
  const path = containerPath(rawPath);
  const docker = deps.docker();
  const s = await statPath(docker, id, path);
  refuseLink(s, path);
  if (isDirMode(s.mode)) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${path} is a folder; open it to see its files.`);
  return previewFromArchive(await readArchive(docker, id, path), path, s.size);
}

/** A ticket whose body (the raw file bytes) becomes `dir/name` in the container. */
export async function uploadTicket(deps: FilesDeps, id: string, rawDir: string, name: string): Promise<TransferTicket> {
  const dir = containerPath(rawDir);
  const docker = deps.docker();
  const s = await statPath(docker, id, dir);
  if (!isDirMode(s.mode)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${dir} is not a folder in container ${id}; choose a folder to upload into.`);
  }
  return deps.transfers.upload({
    maxBytes: MAX_UPLOAD_BYTES,
    accept: (body, signal) => putFile(deps.docker(), id, dir, name, body, signal),
  });
}

async function putFile(docker: Dockerode, id: string, dir: string, name: string, body: Readable, signal: AbortSignal) {
  const size = await putSpooledFile(body, name, signal, async (tar) => {
    try {
      await docker.getContainer(id).putArchive(tar, { path: dir, abortSignal: signal });
    } catch (err) {
      throw await uploadError(docker, id, dir, err);
    }
  });
  return { path: posix.join(dir, name), size };
}

async function uploadError(docker: Dockerode, id: string, dir: string, err: unknown): Promise<BerthError> {
  const mapped = mapDockerError(err, { object: `container ${id}`, action: 'upload into' });
  const said = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage ?? '';
  if (mapped.code === ErrorCode.FORBIDDEN || /read-only/i.test(said)) {
    return new BerthError(
      ErrorCode.FORBIDDEN,
      `${dir} in container ${id} is read-only, so the file cannot be written there. Choose a writable folder or a mounted volume.`,
      mapped.details,
    );
  }
  if (mapped.code === ErrorCode.NOT_FOUND) return notFoundError(docker, id, dir, err);
  return mapped;
}
