import { Transform, type TransformCallback } from 'node:stream';
import { ErrorCode } from '../../contract';
import { mapDockerError, type ErrorContext } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import { TarFormatError, TarParser } from './tar';

/**
 * Feeds an archive stream to `parser` until the archive ends. Returns false when `byteBudget` bytes were read
 * first (the caller says its result is partial). A stream that closes early rejects instead of hanging.
 */
export async function feedTar(source: AsyncIterable<Buffer>, parser: TarParser, byteBudget = Infinity): Promise<boolean> {
  let read = 0;
  for await (const chunk of source) {
    parser.push(chunk);
    read += chunk.length;
    if (parser.finished) return true;
    if (read > byteBudget) return false;
  }
  parser.end();
  return true;
}

/** What reading an engine archive of `what` failed with, as a BerthError (a damaged archive is the engine's). */
export function archiveReadError(err: unknown, what: string, context: ErrorContext): BerthError {
  if (err instanceof TarFormatError) {
    return new BerthError(ErrorCode.ENGINE_ERROR, `The engine sent a damaged archive of ${what} (${err.reason}). Try again.`);
  }
  return mapDockerError(err, context);
}

/** Passes on the body of the first regular file of a tar stream (a single-file download); the rest is ignored. */
export function firstFileOf(): Transform {
  let taken = false;
  let done = false;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        if (!done) parser.push(chunk);
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      cb(taken ? null : new TarFormatError('it holds no regular file'));
    },
  });
  const parser = new TarParser({
    entry: (h) => {
      if (taken || h.type !== 'file') return false;
      taken = true;
      return true;
    },
    data: (chunk) => void out.push(chunk),
    entryEnd: () => {
      done = true;
    },
  });
  return out;
}
