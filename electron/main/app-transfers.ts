import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ErrorCode, HTTP_PATHS } from '../../engine/contract';
import type { TransferRegistry } from '../../engine/base/transfers';
import {
  errorReply,
  receiveUpload,
  serveDownload,
  type TransferReply,
} from '../../engine/host/transfer-serve';

/** True for app://berth/api/transfer/<id> paths; the id is returned decoded. */
export function transferIdOf(pathname: string): string | undefined {
  if (!pathname.startsWith(HTTP_PATHS.transfer)) return undefined;
  const raw = pathname.slice(HTTP_PATHS.transfer.length);
  if (raw === '' || raw.includes('/')) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Transfers on the app:// scheme, with the web host's semantics (engine/web/transfer-serve.ts): GET streams
 * a download, POST streams the raw body into the ticket's sink; single-use tickets, 404 JSON for unknown ones,
 * 413 over the sink's limit. The scheme is not CORS-enabled, so only Berth's own page can read the answers;
 * the caller refuses POSTs from other origins first, as web mode does.
 */
export async function serveAppTransfer(
  request: Request,
  transferId: string,
  registry: TransferRegistry | undefined,
): Promise<Response> {
  if (!registry) {
    return toResponse(
      errorReply({
        code: ErrorCode.ENGINE_UNREACHABLE,
        message: 'Berth is still starting; try again in a moment.',
      }),
    );
  }
  const controller = new AbortController();
  request.signal.addEventListener('abort', () => controller.abort(), { once: true });
  if (request.method === 'GET') {
    const reply = await serveDownload(registry, transferId, controller.signal);
    if (reply.kind === 'stream') {
      // The page cancelling the download destroys the body before its end: stop the source too.
      reply.body.once('close', () => {
        if (!reply.body.readableEnded) controller.abort();
      });
    }
    return toResponse(reply);
  }
  if (request.method === 'POST') {
    const body = request.body
      ? Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>)
      : Readable.from([]);
    const declared = Number(request.headers.get('content-length') ?? Number.NaN);
    const reply = await receiveUpload(registry, transferId, body, {
      ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
      signal: controller.signal,
    });
    body.destroy();
    return toResponse(reply);
  }
  return new Response('Method not allowed', { status: 405 });
}

export function toResponse(reply: TransferReply): Response {
  const body =
    reply.kind === 'stream'
      ? (Readable.toWeb(reply.body) as unknown as ReadableStream<Uint8Array>)
      : reply.body;
  return new Response(body, { status: reply.status, headers: reply.headers });
}
