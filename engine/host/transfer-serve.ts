import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { ErrorCode, formatBytes, type BerthErrorData } from '../contract';
import { BerthError, toErrorData } from '../base/errors';
import { contentDisposition, type TransferRegistry } from '../base/transfers';

/**
 * Serving transfer tickets, shared by the web host (HTTP) and Electron (app://berth/api/transfer/): take the
 * single-use ticket, then stream the bytes out (download) or into the ticket's sink (upload), with the same
 * status codes and JSON errors on both. Nothing is buffered in memory.
 */

export type TransferReply =
  | { kind: 'stream'; status: 200; headers: Record<string, string>; body: Readable }
  | { kind: 'json'; status: number; headers: Record<string, string>; body: string; tooLarge?: boolean };

const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 ** 3;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.INVALID_ARGUMENT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.ENGINE_UNREACHABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

export function errorReply(error: BerthErrorData, status?: number): TransferReply {
  return {
    kind: 'json',
    status: status ?? STATUS_BY_CODE[error.code] ?? 500,
    headers: JSON_HEADERS,
    body: JSON.stringify({ ok: false, error }),
  };
}

/** GET: opens the download's source; the caller pipes `body` to the client and aborts `signal` if it leaves. */
export async function serveDownload(
  registry: TransferRegistry,
  id: string,
  signal: AbortSignal,
  owner?: string,
): Promise<TransferReply> {
  let body: Readable;
  let filename: string;
  let contentType: string | undefined;
  try {
    const ticket = registry.take(id, 'download', owner);
    if (ticket.direction !== 'download')
      throw new BerthError(ErrorCode.INTERNAL, 'Wrong transfer direction.');
    ({ filename, contentType } = ticket);
    body = await ticket.open(signal);
  } catch (err) {
    return errorReply(toErrorData(err));
  }
  return {
    kind: 'stream',
    status: 200,
    headers: {
      'content-type': contentType ?? 'application/octet-stream',
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

export interface UploadRequestInfo {
  /** The Content-Length header when the client sent one (browsers do for files). */
  declaredBytes?: number;
  /** Aborted when the client goes away mid-upload. */
  signal: AbortSignal;
  /** The redeeming web session (see TransferRegistry.take). */
  owner?: string;
}

/**
 * POST: streams `body` into the ticket's sink, cut off at its maxBytes (413 up front when Content-Length
 * already says too much). Resolves with the JSON Result to send back.
 */
export async function receiveUpload(
  registry: TransferRegistry,
  id: string,
  body: Readable,
  info: UploadRequestInfo,
): Promise<TransferReply> {
  let accept: (body: Readable, signal: AbortSignal) => Promise<unknown>;
  let limit: number;
  try {
    const ticket = registry.take(id, 'upload', info.owner);
    if (ticket.direction !== 'upload') throw new BerthError(ErrorCode.INTERNAL, 'Wrong transfer direction.');
    accept = ticket.accept.bind(ticket);
    limit = ticket.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  } catch (err) {
    return errorReply(toErrorData(err));
  }
  const tooLarge = (): TransferReply => ({
    ...(errorReply(
      {
        code: ErrorCode.INVALID_ARGUMENT,
        message: `The upload is larger than the limit of ${formatBytes(limit)}; choose a smaller file.`,
      },
      413,
    ) as Extract<TransferReply, { kind: 'json' }>),
    tooLarge: true,
  });
  if (info.declaredBytes !== undefined && info.declaredBytes > limit) return tooLarge();

  // One controller for the sink: the client leaving and the size limit both stop it.
  const controller = new AbortController();
  const onClientGone = () => controller.abort();
  info.signal.addEventListener('abort', onClientGone, { once: true });
  let seen = 0;
  let exceeded = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        exceeded = true;
        controller.abort();
        callback(new BerthError(ErrorCode.INVALID_ARGUMENT, `The upload exceeds ${formatBytes(limit)}.`));
      } else callback(null, chunk);
    },
  });
  const onBodyError = (err: Error) => counter.destroy(err);
  body.on('error', onBodyError);
  body.pipe(counter);
  try {
    const value = await accept(counter, controller.signal);
    if (exceeded) return tooLarge();
    return {
      kind: 'json',
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({ ok: true, value: value ?? null }),
    };
  } catch (err) {
    if (exceeded) return tooLarge();
    if (info.signal.aborted)
      return errorReply({ code: ErrorCode.CANCELLED, message: 'The upload was cancelled.' }, 400);
    return errorReply(toErrorData(err));
  } finally {
    info.signal.removeEventListener('abort', onClientGone);
    body.off('error', onBodyError);
    body.unpipe(counter);
    counter.destroy();
  }
}
