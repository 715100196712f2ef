import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { padding } from './tar';
import { endOfArchive, fileHeader } from './tar-write';

/** Uploads (into a container or a volume) are spooled to disk first: a tar header needs the size up front. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const tooLarge = (hint: string) =>
  new BerthError(ErrorCode.INVALID_ARGUMENT, `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB; ${hint}`);

/**
 * Spools an upload's body to a private temporary file, then hands `put` a one-file tar archive of it named
 * `name` (for the engine's archive API PUT) and its size. The spool is removed afterwards, also on failure.
 */
export async function putSpooledFile(
  body: Readable,
  name: string,
  signal: AbortSignal,
  put: (tar: Readable, size: number) => Promise<void>,
  tooLargeHint = 'copy it with a volume or bind mount instead.',
): Promise<number> {
  const spool = await mkdtemp(join(tmpdir(), 'berth-upload-'));
  const file = join(spool, 'body');
  try {
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, cb) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) cb(tooLarge(tooLargeHint));
        else cb(null, chunk);
      },
    });
    await pipeline(body, count, createWriteStream(file, { mode: 0o600 }), { signal });
    size = (await stat(file)).size;
    await put(Readable.from(tarOf(name, size, file)), size);
    return size;
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
