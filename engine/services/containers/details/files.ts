import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import { ErrorCode, type FileEntry, type FileEntryType, type FileListing, type TransferTicket } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import type { TransferRegistry } from '../../../base/transfers';
import { isDirMode, isLinkMode, notFoundError, readArchive, statPath } from './archive';
import { baseName, containerPath } from './paths';
import { endOfArchive, fileHeader, firstFileOf, padding, TarFormatError, TarParser, type TarHeader } from './tar';

/** Reading a folder means reading everything below it: stop after this much and say the listing is partial. */
export const LIST_BYTE_BUDGET = 512 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
/** Uploads into a container are spooled to disk first (tar needs the size up front). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

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
  const entries: FileEntry[] = [];
  let rootType: FileEntryType | undefined;
  let rootName: string | undefined;
  let truncated = false;
  let read = 0;
  const parser = new TarParser({
    entry: (h) => {
      const parts = h.name.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
      if (rootName === undefined) {
        rootName = parts[0] ?? '';
        rootType = kindOf(h);
        if (rootType !== 'dir') entries.push(toEntry(parts.at(-1) ?? h.name, h));
        return false;
      }
      if (parts.length === 2 && parts[0] === rootName && entries.length < MAX_ENTRIES) {
        entries.push(toEntry(parts[1] ?? '', h));
      } else if (parts.length === 2 && entries.length >= MAX_ENTRIES) truncated = true;
      return false;
    },
  });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      parser.push(chunk);
      read += chunk.length;
      if (parser.finished) break;
      if (read > LIST_BYTE_BUDGET) {
        truncated = true;
        break;
      }
    }
    if (!parser.finished && !truncated) parser.end();
  } catch (err) {
    if (err instanceof TarFormatError) {
      throw new BerthError(ErrorCode.ENGINE_ERROR, `The engine sent a damaged archive of ${path}: ${err.message} Try again.`);
    }
    throw mapDockerError(err, { object: `container ${id}`, action: 'read files of' });
  } finally {
    controller.abort();
    source.destroy();
  }
  entries.sort((a, b) => Number(b.type === 'dir') - Number(a.type === 'dir') || a.name.localeCompare(b.name));
  return { path, type: rootType ?? 'other', entries, truncated };
}

function kindOf(h: TarHeader): FileEntryType {
  return h.type === 'hardlink' ? 'file' : h.type;
}

function toEntry(name: string, h: TarHeader): FileEntry {
  const type = kindOf(h);
  return {
    name,
    type,
    size: type === 'file' ? h.size : 0,
    mode: modeString(type, h.mode),
    mtime: h.mtime * 1000,
    ...(type === 'link' && h.linkName ? { linkTarget: h.linkName } : {}),
  };
}

export function modeString(type: FileEntryType, mode: number): string {
  const kind = type === 'dir' ? 'd' : type === 'link' ? 'l' : type === 'other' ? '?' : '-';
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => (mode & (1 << (8 - i)) ? c : '-'))
    .join('');
  return kind + bits;
}

/** A ticket for a file's bytes (extracted from the archive stream) or a tar of a folder. */
export async function downloadTicket(deps: FilesDeps, id: string, rawPath: string): Promise<TransferTicket> {
  const path = containerPath(rawPath);
  const docker = deps.docker();
  const s = await statPath(docker, id, path);
  if (isLinkMode(s.mode) && !isDirMode(s.mode)) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `${path} is a link to ${s.linkTarget || 'another path'}; download the target instead.`,
    );
  }
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
  const spool = await mkdtemp(join(tmpdir(), 'berth-upload-'));
  const file = join(spool, 'body');
  try {
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, cb) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) cb(tooLarge());
        else cb(null, chunk);
      },
    });
    await pipeline(body, count, createWriteStream(file), { signal });
    size = (await stat(file)).size;
    const tar = Readable.from(tarOf(name, size, file));
    try {
      await docker.getContainer(id).putArchive(tar, { path: dir, abortSignal: signal });
    } catch (err) {
      throw await uploadError(docker, id, dir, err);
    }
    return { path: posix.join(dir, name), size };
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
}

async function* tarOf(name: string, size: number, file: string): AsyncGenerator<Buffer> {
  yield fileHeader(name, size);
  for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  yield Buffer.alloc(padding(size));
  yield endOfArchive();
}

const tooLarge = () =>
  new BerthError(
    ErrorCode.INVALID_ARGUMENT,
    `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB; copy it with a volume or bind mount instead.`,
  );

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
