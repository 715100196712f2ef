import { createServer as createHttpsServer } from 'node:https';
import Fastify, { type FastifyError, type FastifyServerFactory } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { ErrorCode, HTTP_PATHS, LOGIN_CODE_FRAGMENT, WS_PROTOCOL } from '../contract';
import type { Backend } from '../host/backend';
import type { Caller } from '../base/audit';
import { FailureRateLimiter } from './auth';
import { createGuard, sessionOf } from './guard';
import { registerSessionRoutes } from './session-routes';
import { SessionStore } from './sessions';
import { registerAccountRoutes } from './account-routes';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle';
import { SetupGate } from './setup-gate';
import type { AccountsStore } from '../store/types';
import type { AuditEntry } from '../base/audit';
import { accountToken, refusedTokenAudit } from './account-tokens';
import { AuthAudit, type AuthAuditOptions } from './auth-audit';
import { clientOf, NO_TRUSTED_PROXIES, type TrustedProxies } from './client-address';
import type { TlsMaterial } from './tls';
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
  /** Serve https with this certificate. Required for a non-loopback host unless `insecure`. */
  tls?: Pick<TlsMaterial, 'key' | 'cert'>;
  /** Allow a non-loopback host over plain http (the user said --insecure; a loud warning is printed). */
  insecure?: boolean;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  /** Who sessions act as. Whoever holds a login code is the local user, hence admin by default. */
  caller?: Caller;
  /** Sent in the WebSocket hello. */
  version?: string;
  /** Where warnings go (default: stderr). */
  warn?: (message: string) => void;
  /** Wrong credentials per client per minute before further wrong ones get 429 (valid ones always pass). */
  maxTokenFailuresPerMinute?: number;
  /**
   * Accounts mode (ADR 18): people sign in with a username and password (or an account's API token), with
   * the account's role. Required off loopback unless `singleUserOffLoopback`.
   */
  accounts?: AccountsStore;
  /** Off loopback without accounts: everyone holding the link is admin (--insecure-single-user, warned). */
  singleUserOffLoopback?: boolean;
  /** Session lifetimes: idle (default 12 h) and, for account sessions, absolute (default 24 h). */
  sessionIdleMs?: number;
  sessionMaxMs?: number;
  /** Tests tighten or loosen the sign-in throttle. */
  loginThrottle?: LoginThrottleOptions;
  /** The audit log: sign-ins, sign-outs, first-admin setup and refused API tokens are written here (ADR 18). */
  audit?: (entry: AuditEntry) => void;
  /** Tests tighten the rate bound on failed-sign-in entries. */
  authAudit?: AuthAuditOptions;
  /** Reverse proxies whose X-Forwarded-For names the client (`--trusted-proxy`); default none. */
  trustedProxies?: TrustedProxies;
}

export interface WebServer {
  /** The URL to print: carries a one-time login code in its fragment (works once, for 10 minutes). */
  url: string;
  origin: string;
  port: number;
  /** The per-launch API token for scripts (x-berth-token header); never printed. */
  token: string;
  /** Accounts mode: 'accounts'; the URL then carries no login code and people sign in with a password. */
  mode: 'single-user' | 'accounts';
  /** Accounts mode on first run: the one-time token that creates the first admin (print it on the console). */
  setupToken?: string;
  /** A fresh single-use login URL (e.g. the one handed to the browser, distinct from the printed one). */
  loginUrl(ttlMs?: number): string;
  close(): Promise<void>;
}

export const DEFAULT_WEB_PORT = 7780;

/** The caller a request runs as: its session's (the guard has refused every /api request without one). */
function callerOf(req: Parameters<typeof sessionOf>[0]): Caller {
  const session = sessionOf(req);
  if (!session) throw new Error('unauthenticated request reached a route');
  return { ...session.caller, session: session.id, client: clientOf(req) };
}

/** Starts the web-mode host: the renderer's files (public), the session exchange, and HTTP calls, transfers and the WebSocket behind a session. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const caller: Caller = options.caller ?? { role: 'admin', user: 'local', via: 'web' };
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const { backend, tls } = options;

  const { accounts } = options;
  if (!isLoopbackHost(host) && !accounts) {
    if (!options.singleUserOffLoopback) {
      throw new Error(
        `Listening on ${host} needs accounts (berth web --accounts): otherwise everyone who gets the link is admin. ` +
          'Add --insecure-single-user to accept that.',
      );
    }
    warn(
      `WARNING: --insecure-single-user: Berth is listening on ${host} without accounts. Whoever holds the link or ` +
        'the API token has full control of the container engine.',
    );
  }
  if (!isLoopbackHost(host) && !tls) {
    if (!options.insecure) {
      throw new Error(
        `Listening on ${host} needs TLS: run without --host for 127.0.0.1, let Berth make a self-signed ` +
          'certificate (the default of `berth web --host`), pass --tls-cert/--tls-key, or add --insecure.',
      );
    }
    warn(
      `WARNING: --insecure: Berth is listening on ${host} over plain HTTP. Anyone on the network path can read ` +
        'the session and take over the container engine, which is root-equivalent on its host. Use TLS or an SSH tunnel.',
    );
  }

  // Over TLS the same Fastify app runs on an https server (its routes and hooks do not change).
  const serverFactory: FastifyServerFactory | undefined = tls
    ? (handler) => createHttpsServer({ key: tls.key, cert: tls.cert }, handler)
    : undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: DEFAULT_MAX_MESSAGE_BYTES,
    trustProxy: false,
    ...(serverFactory ? { serverFactory } : {}),
  });
  await app.register(fastifyWebsocket, {
    options: {
      // Hard cap enforced by ws (closes the socket); the hub answers messages over its 1 MiB soft cap with an error.
      maxPayload: 4 * DEFAULT_MAX_MESSAGE_BYTES,
      // The page offers [WS_PROTOCOL, credential]; the answer must name one, and never the credential.
      handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
    },
  });

  // The port is known only after listen() when 0 was asked for; the guard reads it through this holder.
  const bound = { port: options.port ?? DEFAULT_WEB_PORT, allowedHosts: new Set<string>() };
  const limiter = new FailureRateLimiter({
    maxFailures: options.maxTokenFailuresPerMinute ?? 20,
    windowMs: 60_000,
  });
  const sessions = new SessionStore({
    caller,
    loginCodes: !accounts,
    ...(options.sessionIdleMs ? { sessionTtlMs: options.sessionIdleMs } : {}),
    ...(accounts ? { resolveToken: (secret: string) => accountToken(accounts, secret) } : {}),
  });
  const sessionMaxMs = options.sessionMaxMs ?? 24 * 3600_000;
  const setup = new SetupGate(accounts !== undefined && accounts.count() === 0, () => accounts?.count() === 0);
  const authAudit = new AuthAudit(options.audit ?? (() => {}), options.authAudit);
  const guard = createGuard({
    sessions,
    allowedHosts: bound.allowedHosts,
    limiter,
    tls: tls !== undefined,
    trustedProxies: options.trustedProxies ?? NO_TRUSTED_PROXIES,
    ...(accounts
      ? { onCredentialRefused: (req, secret) => refusedTokenAudit(accounts, authAudit, secret, clientOf(req)) }
      : {}),
  });
  app.addHook('onRequest', guard);

  const hub = new WsHub({
    dispatch: backend.dispatch,
    bus: backend.bus,
    streams: backend.streams,
    version: options.version ?? 'dev',
  });
  app.get(HTTP_PATHS.websocket, { websocket: true }, (socket, req) => hub.add(socket, callerOf(req)));
  // A session that ends takes its sockets along; an account whose role, password or state changed loses
  // every session and socket (API-token ones included), except the session that changed its own password.
  const unsubscribers = [
    sessions.onEnd((ended) => hub.closeWhere((c) => c.session === ended.id)),
    accounts?.onChange(({ account, keepSession }) => {
      const ends = (id: string | undefined, session: string | undefined) =>
        id === account.id && (keepSession === undefined || session !== keepSession);
      sessions.endWhere((s) => ends(s.caller.account, s.id));
      hub.closeWhere((c) => ends(c.account, c.session));
    }),
  ];

  app.get(HTTP_PATHS.health, () => Promise.resolve({ ok: true }));
  app.post<{ Params: { method: string } }>(`${HTTP_PATHS.call}:method`, (req) =>
    backend.dispatch(req.params.method, req.body, callerOf(req)),
  );
  registerSessionRoutes(app, sessions, limiter, sessionMaxMs, authAudit);
  registerAccountRoutes(app, {
    sessions,
    limiter,
    audit: authAudit,
    ...(accounts
      ? {
          accounts: {
            store: accounts,
            throttle: new LoginThrottle({ ...(accounts.throttle ? { store: accounts.throttle } : {}), ...options.loginThrottle }),
            setup,
            sessionMaxMs,
          },
        }
      : {}),
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    const code = status < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL;
    const message = status === 413 ? 'Request body too large (limit 1 MiB).' : err.message;
    return reply.code(status).send({ ok: false, error: { code, message } });
  });

  // After setErrorHandler: awaiting a plugin registration fixes the handler of the routes declared so far.
  await registerTransferRoutes(app, backend.transfers, sessions);
  await registerStatic(app, options.staticDir);

  try {
    await app.listen({ host, port: bound.port });
  } catch (err) {
    hub.close();
    authAudit.close();
    await app.close();
    throw err;
  }
  const address = app.server.address();
  bound.port = typeof address === 'object' && address ? address.port : bound.port;
  for (const h of allowedHostHeaders({ bindHost: host, port: bound.port })) bound.allowedHosts.add(h);

  const origin = `${tls ? 'https' : 'http'}://${formatHostPort(displayHost(host), bound.port)}`;
  const loginUrl = (ttlMs?: number) =>
    accounts ? `${origin}/` : `${origin}/#${LOGIN_CODE_FRAGMENT}=${sessions.issueLoginCode(ttlMs)}`;
  let closing: Promise<void> | undefined;
  return {
    url: loginUrl(),
    origin,
    port: bound.port,
    token: sessions.apiToken,
    mode: accounts ? 'accounts' : 'single-user',
    ...(setup.token ? { setupToken: setup.token } : {}),
    loginUrl,
    close: () =>
      (closing ??= (async () => {
        for (const u of unsubscribers) u?.();
        hub.close();
        authAudit.close();
        await app.close();
      })()),
  };
}
