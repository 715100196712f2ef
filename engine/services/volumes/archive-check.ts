import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { entryPath, TarFormatError, TarParser } from '../common/tar';

/** The relative path of a restored entry, or the error that refuses the whole archive. */
export function safeEntryPath(name: string): string {
  const path = entryPath(name);
  if (path === undefined) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `The archive contains "${name.slice(0, 200)}", a path outside the volume (absolute or with ".."); nothing was restored. Use an archive made by a Berth backup or by tar without absolute paths.`,
      { entry: name.slice(0, 1000) },
    );
  }
  return path;
}

const notTar = (reason: string) =>
  new BerthError(ErrorCode.INVALID_ARGUMENT, `This file is not a valid tar archive (${reason}); choose a .tar or .tar.gz made by a backup.`);

/** Reads the whole archive once; any entry that would land outside the volume rejects it. */
export async function checkArchive(stream: Readable, signal: AbortSignal): Promise<{ entries: number; bytes: number }> {
  let entries = 0;
  let bytes = 0;
  const parser = new TarParser({
    entry: (e) => {
      safeEntryPath(e.name);
      if (e.type === 'hardlink') safeEntryPath(e.linkName);
      entries++;
      return false;
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      try {
        parser.push(chunk);
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
  });
  try {
    await pipeline(stream, sink, { signal });
    parser.end();
  } catch (err) {
    if (err instanceof TarFormatError) throw notTar(err.reason);
    if (err instanceof BerthError) throw err;
    if ((err as { code?: string }).code?.startsWith('Z_')) {
      throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'The file looks gzip-compressed but is damaged; nothing was restored.');
    }
    throw err;
  }
  return { entries, bytes };
}
