import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, HTTP_PATHS, TRANSFER_KEY_QUERY } from '../contract';
import type { TransferRegistry } from '../base/transfers';
import { errorReply, receiveUpload, serveDownload, type TransferReply } from '../host/transfer-serve';
import { sessionOf } from './guard';
import type { SessionStore } from './sessions';

type TicketRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: Record<string, string | undefined>;
}>;

/**
 * GET / POST HTTP_PATHS.transfer + id. Runs behind the same guard as every route (Host, Origin on POST).
 * The redeemer is a session: by its header credential (scripts), or by its transfer key in the URL (a
 * browser download link cannot carry a header). A ticket only opens for the session that asked for it.
 * Upload bodies are never parsed or buffered: this scope's only content parser leaves the request stream
 * untouched, and the handler streams it into the ticket's sink.
 */
export async function registerTransferRoutes(
  app: FastifyInstance,
  registry: TransferRegistry,
  sessions: SessionStore,
): Promise<void> {
  const ownerOf = (req: TicketRequest): string | undefined =>
    (sessionOf(req) ?? sessions.resolveTransferKey(req.query[TRANSFER_KEY_QUERY]))?.id;
  const unauthenticated = errorReply({
    code: ErrorCode.UNAUTHENTICATED,
    message: 'This transfer link belongs to a Berth session; start it again from the Berth window.',
  });
  await app.register((scope, _opts, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, next) => next(null, undefined));
    const route = `${HTTP_PATHS.transfer}:id`;

    scope.get(route, async (req: TicketRequest, reply) => {
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      const owner = ownerOf(req);
      if (owner === undefined) return send(reply, unauthenticated);
      const result = await serveDownload(registry, req.params.id, controller.signal, owner);
      if (result.kind === 'stream') {
        // A source that fails mid-way cannot change the status any more: the client sees a cut-off download.
        result.body.on('error', (err) => console.error('[berth] web: download failed mid-way:', err.message));
      }
      return send(reply, result);
    });

    scope.post(route, async (req: TicketRequest, reply) => {
      const controller = new AbortController();
      req.raw.on('close', () => {
        if (!req.raw.complete) controller.abort();
      });
      const owner = ownerOf(req);
      if (owner === undefined) return send(reply.header('connection', 'close'), unauthenticated);
      const declared = Number(req.headers['content-length']);
      const result = await receiveUpload(registry, req.params.id, req.raw, {
        owner,
        ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
        signal: controller.signal,
      });
      // What the sink did not read is not worth reading: close the connection instead of draining it.
      if (!req.raw.complete) reply.header('connection', 'close');
      return send(reply, result);
    });
    done();
  });
}

function send(reply: FastifyReply, result: TransferReply): FastifyReply {
  return reply.code(result.status).headers(result.headers).send(result.body);
}
