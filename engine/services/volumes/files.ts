import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type Dockerode from 'dockerode';
import {
  ErrorCode,
  type TransferTicket,
  type VolumeFileEntry,
  type VolumeFileListing,
  type VolumeFileType,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import { archivePath, createHelper, MOUNT, withHelper, type VolumeHelper } from './helper';
import { safeEntryPath, TarReader, type TarEntry } from './tar';

/** One listing returns at most this many entries of a directory. */
const MAX_ENTRIES = 5000;

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

interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** Go's os.FileMode bits as the engine reports them. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

const typeOfMode = (mode: number): VolumeFileType =>
  mode >= MODE_DIR ? 'directory' : Math.floor(mode / MODE_SYMLINK) % 2 === 1 ? 'symlink' : 'file';

async function stat(helper: VolumeHelper, volume: string, rel: string): Promise<PathStat> {
  let res: IncomingMessage;
  try {
    res = (await helper.container.infoArchive({ path: archivePath(rel) })) as IncomingMessage;
  } catch (err) {
    throw notFoundIn(err, volume, rel);
  }
  res.resume();
  const header = res.headers['x-docker-container-path-stat'];
  if (typeof header !== 'string') {
    throw new BerthError(ErrorCode.ENGINE_ERROR, 'The engine did not describe the path; try again.', { path: rel });
  }
  return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat;
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

/** Reads one directory's entries (and the total size below each subdirectory) from its archive. */
export async function listFiles(docker: Dockerode, volume: string, path: string): Promise<VolumeFileListing> {
  const rel = volumeRelativePath(path);
  return withHelper(docker, volume, { readOnly: true, purpose: 'browse' }, async (helper) => {
    const s = await stat(helper, volume, rel);
    if (typeOfMode(s.mode) !== 'directory') {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${rel}" in volume ${volume} is a file, not a folder; download it instead.`);
    }
    const children = new Map<string, VolumeFileEntry>();
    let truncated = false;
    const add = (e: TarEntry) => {
      const inner = safeEntryPath(e.name);
      if (inner === '') return;
      const [first = '', ...rest] = inner.split('/');
      let child = children.get(first);
      if (!child) {
        if (children.size >= MAX_ENTRIES) {
          truncated = true;
          return;
        }
        const type: VolumeFileType = rest.length > 0 ? 'directory' : toFileType(e);
        child = {
          name: first,
          path: rel ? `${rel}/${first}` : first,
          type,
          size: 0,
          modified: e.mtime,
          mode: e.mode & 0o7777,
          ...(e.type === 'symlink' ? { linkTarget: e.linkName } : {}),
        };
        children.set(first, child);
      }
      child.size += e.size;
    };
    const stream = await archive(helper, volume, rel ? `${MOUNT}/${rel}/.` : archivePath(''));
    await consume(stream, new TarReader(add));
    const entries = [...children.values()].sort(
      (a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name),
    );
    return { volume, path: rel, entries, truncated };
  });
}

const toFileType = (e: TarEntry): VolumeFileType =>
  e.type === 'hardlink' ? 'file' : e.type === 'file' || e.type === 'directory' || e.type === 'symlink' ? e.type : 'other';

/**
 * Feeds the archive to `reader` until it ends. A stream that closes without ending (the engine dropped the
 * connection) fails instead of leaving the caller waiting forever.
 */
export async function consume(stream: Readable, reader: TarReader): Promise<void> {
  stream.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk);
    } catch (err) {
      stream.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  });
  try {
    await finished(stream);
  } catch (err) {
    if (err instanceof BerthError) throw err;
    throw mapDockerError(err, { action: 'read', object: 'the volume' });
  }
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
  const isDir = typeOfMode(s.mode) === 'directory';
  const base = rel === '' ? volume : (rel.split('/').pop() ?? volume);
  return transfers.download({
    filename: isDir ? `${rel === '' ? volume : `${volume}-${base}`}.tar.gz` : base,
    contentType: isDir ? 'application/gzip' : 'application/octet-stream',
    open: async (signal) => {
      const helper = await createHelper(docker, volume, { readOnly: true, purpose: 'download' });
      try {
        const source = await archive(helper, volume, isDir ? (rel ? `${MOUNT}/${rel}/.` : archivePath('')) : archivePath(rel), signal);
        const out = source.pipe(isDir ? createGzip() : fileFromTar());
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

/** Passes through the bytes of the first regular file of a tar stream (an archive of a single file). */
function fileFromTar(): Transform {
  let target: TarEntry | undefined;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        reader.push(chunk);
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
  });
  const reader = new TarReader(
    (e) => {
      if (!target && e.type === 'file') target = e;
    },
    (e, chunk) => {
      if (e === target) out.push(chunk);
    },
  );
  return out;
}
