import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type Dockerode from 'dockerode';
import { ErrorCode, type FileListing, type FilePreview, type TransferTicket } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import { FolderListing } from '../common/file-listing';
import { previewFromArchive } from '../common/file-preview';
import { MAX_UPLOAD_BYTES, putSpooledFile } from '../common/file-upload';
import { isDirMode, refuseLink, statArchivePath, type PathStat } from '../common/path-stat';
import { entryPath, TarParser } from '../common/tar';
import { archiveReadError, feedTar, firstFileOf } from '../common/tar-stream';
import { archivePath, createHelper, MOUNT, withHelper, type VolumeHelper } from './helper';

/** '/a//b/' → 'a/b'; refuses '..' so nothing outside the volume is ever named. */
export function volumeRelativePath(path: string): string {
  if (path.includes('\0') || path.split('/').includes('..')) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'A path inside a volume cannot contain ".." segments.', { path });
  }
  return path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

async function stat(helper: VolumeHelper, volume: string, rel: string): Promise<PathStat> {
  try {
    return await statArchivePath(helper.container, archivePath(rel), rel ? `"${rel}"` : 'the volume');
  } catch (err) {
    throw notFoundIn(err, volume, rel);
  }
}

function notFoundIn(err: unknown, volume: string, rel: string): BerthError {
  const mapped = mapDockerError(err, { object: rel ? `"${rel}" in volume ${volume}` : `volume ${volume}` });
  if (mapped.code !== ErrorCode.NOT_FOUND) return mapped;
  return new BerthError(
    ErrorCode.NOT_FOUND,
    `There is no "${rel}" in volume ${volume}; it may have been deleted. Go up a level and refresh.`,
    mapped.details,
  );
}

async function archive(helper: VolumeHelper, volume: string, path: string, signal?: AbortSignal): Promise<Readable> {
  try {
    return (await helper.container.getArchive({ path, ...(signal ? { abortSignal: signal } : {}) })) as Readable;
  } catch (err) {
    throw notFoundIn(err, volume, path.slice(MOUNT.length + 1));
  }
}

/** Reads one folder's entries (and the total size below each subfolder) from its archive. */
export async function listFiles(docker: Dockerode, volume: string, path: string): Promise<FileListing> {
  const rel = volumeRelativePath(path);
  return withHelper(docker, volume, { readOnly: true, purpose: 'browse' }, async (helper) => {
    const s = await stat(helper, volume, rel);
    if (!isDirMode(s.mode)) {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${rel}" in volume ${volume} is a file, not a folder; download it instead.`);
    }
    const listing = new FolderListing((name) => (rel ? `${rel}/${name}` : name));
    // The archive of "<folder>/." names its entries "./a", "./a/b": relative to the folder itself.
    const parser = new TarParser({
      entry: (h) => {
        const inner = entryPath(h.name);
        if (inner) listing.add(inner.split('/'), h);
        return false;
      },
    });
    const stream = await archive(helper, volume, rel ? `${MOUNT}/${rel}/.` : archivePath(''));
    try {
      await feedTar(stream as AsyncIterable<Buffer>, parser);
    } catch (err) {
      throw archiveReadError(err, `volume ${volume}`, { action: 'read', object: 'the volume' });
    }
    return { path: rel, type: 'dir', entries: listing.entries(), truncated: listing.truncated };
  });
}

/**
 * A download ticket for a file (sent as itself) or a folder (sent as .tar.gz). Nothing runs until the ticket is
 * fetched; the helper container made then is removed when the download ends, fails or is aborted.
 */
export async function downloadTicket(
  docker: Dockerode,
  transfers: TransferRegistry,
  volume: string,
  path: string,
): Promise<TransferTicket> {
  const rel = volumeRelativePath(path);
  const s = await withHelper(docker, volume, { readOnly: true, purpose: 'download' }, (h) => stat(h, volume, rel));
  refuseLink(s, rel ? `"${rel}" in volume ${volume}` : `Volume ${volume}`);
  const isDir = isDirMode(s.mode);
  const base = rel === '' ? volume : (rel.split('/').pop() ?? volume);
  return transfers.download({
    filename: isDir ? `${rel === '' ? volume : `${volume}-${base}`}.tar.gz` : base,
    contentType: isDir ? 'application/gzip' : 'application/octet-stream',
    open: async (signal) => {
      const helper = await createHelper(docker, volume, { readOnly: true, purpose: 'download' });
      try {
        const source = await archive(helper, volume, isDir ? (rel ? `${MOUNT}/${rel}/.` : archivePath('')) : archivePath(rel), signal);
        const out = source.pipe(isDir ? createGzip() : firstFileOf());
        const cleanup = () => void helper.remove();
        out.once('close', cleanup);
        out.once('error', cleanup);
        source.once('error', (err) => out.destroy(err));
        signal.addEventListener('abort', () => out.destroy(), { once: true });
        return out;
      } catch (err) {
        await helper.remove();
        throw err;
      }
    },
  });
}

/** The start of a file in the volume, for a read-only preview. */
export async function previewFile(docker: Dockerode, volume: string, path: string): Promise<FilePreview> {
  const rel = volumeRelativePath(path);
  return withHelper(docker, volume, { readOnly: true, purpose: 'preview' }, async (helper) => {
    const s = await stat(helper, volume, rel);
    refuseLink(s, `"${rel}" in volume ${volume}`);
    if (isDirMode(s.mode)) {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${rel || volume}" is a folder; open it to see its files.`);
    }
    return previewFromArchive(await archive(helper, volume, archivePath(rel)), rel, s.size);
  });
}

/**
 * An upload ticket whose body (one file's bytes) becomes `dir/name` in the volume, written through the archive
 * API into a never-started helper that mounts the volume read-write (made when the bytes arrive, then removed).
 */
export async function uploadTicket(
  docker: Dockerode,
  transfers: TransferRegistry,
  volume: string,
  dir: string,
  name: string,
  onWritten: () => void = () => undefined,
): Promise<TransferTicket> {
  const rel = volumeRelativePath(dir);
  const s = await withHelper(docker, volume, { readOnly: true, purpose: 'upload' }, (h) => stat(h, volume, rel));
  if (!isDirMode(s.mode)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${rel}" in volume ${volume} is not a folder; choose a folder to upload into.`);
  }
  return transfers.upload({
    maxBytes: MAX_UPLOAD_BYTES,
    accept: async (body, signal) => {
      const size = await putSpooledFile(
        body,
        name,
        signal,
        (tar) =>
          withHelper(docker, volume, { readOnly: false, purpose: 'upload' }, async (helper) => {
            try {
              await helper.container.putArchive(tar, { path: rel ? `${MOUNT}/${rel}` : MOUNT, abortSignal: signal });
            } catch (err) {
              throw notFoundIn(err, volume, rel);
            }
          }),
        'restore a backup into the volume instead.',
      );
      onWritten();
      return { path: rel ? posix.join(rel, name) : name, size };
    },
  });
}
