import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ErrorCode, formatBytes } from '../../contract';
import { BerthError } from '../../base/errors';

/**
 * A .tar.gz of a few MB can expand to terabytes (a gzip bomb), and the upload limit only bounds what is
 * sent. Real backups compress well below 200:1 (even text and zero-filled database files), so the archive
 * may expand to 200 times its size, at least 1 GiB, and never beyond 100 GiB.
 */
export const MAX_EXPANSION = 200;
export const MAX_RESTORE_BYTES = 100 * 1024 ** 3;
const MIN_ALLOWANCE = 1024 ** 3;

export function decompressedLimit(compressedBytes: number): number {
  return Math.min(MAX_RESTORE_BYTES, Math.max(MIN_ALLOWANCE, compressedBytes * MAX_EXPANSION));
}

/** Opens the spooled archive, decompressing when gzipped, and fails once more than `maxBytes` come out. */
export function openArchive(file: string, gzipped: boolean, maxBytes: number): Readable {
  const raw = createReadStream(file);
  if (!gzipped) return raw;
  let total = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > maxBytes) {
        done(
          new BerthError(
            ErrorCode.INVALID_ARGUMENT,
            `The archive expands to more than ${formatBytes(maxBytes)} when decompressed, far more than a backup ` +
              'of its size would; it looks like a gzip bomb, so nothing was restored. Restore an uncompressed .tar if it is genuine.',
            { limitBytes: maxBytes },
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  const gunzip = createGunzip();
  // Errors of the first two stages surface on the last one, which is what callers read.
  raw.on('error', (err) => limit.destroy(err));
  gunzip.on('error', (err) => limit.destroy(err));
  return raw.pipe(gunzip).pipe(limit);
}
