import Fastify, { type FastifyError } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { ErrorCode, HTTP_PATHS } from '../contract';
import type { Backend } from '../host/backend';
import type { Caller } from '../base/audit';
import { FailureRateLimiter, generateToken } from './auth';
import { createGuard } from './guard';
import { allowedHostHeaders, displayHost, formatHostPort, isLoopbackHost } from './host-check';
import { registerStatic } from './static';
import { registerTransferRoutes } from './transfer-routes';
import { DEFAULT_MAX_MESSAGE_BYTES, WsHub } from './ws-hub';

export interface WebServerOptions {
  backend: Backend;
  /** Interface to bind; 127.0.0.1 unless the user asks otherwise. */
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  /** Per-launch secret; generated when omitted. */
  token?: string;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  /** Who web calls run as. Whoever holds the token is the local user, hence admin by default. */
  caller?: Caller;
  /** Sent in the WebSocket hello. */
  version?: string;
  /** Where warnings go (default: stderr). */
  warn?: (message: string) => void;
  /** Wrong-token guesses allowed per client per minute. */
  maxTokenFailuresPerMinute?: number;
}

export interface WebServer {
  /** The URL to open, including the token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_WEB_PORT = 7780;

/** Starts the web-mode host: the renderer's files, HTTP calls and the WebSocket, all behind the token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? generateToken();
  const caller: Caller = options.caller ?? { role: 'admin', user: 'local', via: 'web' };
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const { backend } = options;

  if (!isLoopbackHost(host)) {
    warn(
      `Warning: Berth is listening on ${host}, reachable from other machines. Anyone with the token controls ` +
        'the container engine, and the Docker API is root-equivalent on its host. Prefer 127.0.0.1 with an SSH tunnel.',
    );
  }

  const app = Fastify({ logger: false, bodyLimit: DEFAULT_MAX_MESSAGE_BYTES, trustProxy: false });
  await app.register(fastifyWebsocket, {
    // Hard cap enforced by ws (closes the socket); the hub answers messages over its 1 MiB soft cap with an error.
    options: { maxPayload: 4 * DEFAULT_MAX_MESSAGE_BYTES },
  });

  // The port is known only after listen() when 0 was asked for; the guard reads it through this holder.
  const bound = { port: options.port ?? DEFAULT_WEB_PORT, allowedHosts: new Set<string>() };
  const limiter = new FailureRateLimiter({
    maxFailures: options.maxTokenFailuresPerMinute ?? 20,
    windowMs: 60_000,
  });
  let guard: ReturnType<typeof createGuard> | undefined;
  app.addHook('onRequest', async (req, reply) => {
    guard ??= createGuard({ token, port: bound.port, allowedHosts: bound.allowedHosts, limiter });
    return guard(req, reply);
  });

  const hub = new WsHub({
    dispatch: backend.dispatch,
    bus: backend.bus,
    streams: backend.streams,
    caller,
    version: options.version ?? 'dev',
  });
  app.get(HTTP_PATHS.websocket, { websocket: true }, (socket) => hub.add(socket));

  app.get(HTTP_PATHS.health, () => Promise.resolve({ ok: true }));
  app.post<{ Params: { method: string } }>(`${HTTP_PATHS.call}:method`, (req) =>
    backend.dispatch(req.params.method, req.body, caller),
  );

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    const code = status < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL;
    const message = status === 413 ? 'Request body too large (limit 1 MiB).' : err.message;
    return reply.code(status).send({ ok: false, error: { code, message } });
  });

  // After setErrorHandler: awaiting a plugin registration fixes the handler of the routes declared so far.
  await registerTransferRoutes(app, backend.transfers);
  await registerStatic(app, options.staticDir);

  try {
    await app.listen({ host, port: bound.port });
  } catch (err) {
    hub.close();
    await app.close();
    throw err;
  }
  const address = app.server.address();
  bound.port = typeof address === 'object' && address ? address.port : bound.port;
  for (const h of allowedHostHeaders({ bindHost: host, port: bound.port })) bound.allowedHosts.add(h);

  const origin = `http://${formatHostPort(displayHost(host), bound.port)}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port: bound.port,
    token,
    close: () =>
      (closing ??= (async () => {
        hub.close();
        await app.close();
      })()),
  };
}
