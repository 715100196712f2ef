import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ErrorCode,
  HTTP_PATHS,
  TOKEN_HEADER,
  WS_CREDENTIAL_PREFIX,
  type ErrorCode as Code,
} from '../contract';
import type { FailureRateLimiter } from './auth';
import { clientOf, rememberClient, type TrustedProxies } from './client-address';
import { securityHeaders } from './headers';
import { normalizeHostHeader } from './host-check';
import { wrongHostPage } from './pages';
import type { SessionStore, WebSession } from './sessions';

export interface GuardOptions {
  sessions: SessionStore;
  allowedHosts: Set<string>;
  limiter: FailureRateLimiter;
  /** https: the own origin is https://host and the CSP allows wss:. */
  tls: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (`--trusted-proxy`); none by default. */
  trustedProxies: TrustedProxies;
  /** Told of a credential that opened nothing, before the 401/429 (audits refused API tokens). */
  onCredentialRefused?: (req: FastifyRequest, secret: string) => void;
}

const SELF_AUTHENTICATING = new Set<string>([HTTP_PATHS.session, HTTP_PATHS.auth, HTTP_PATHS.login, HTTP_PATHS.setup]);

const sessionOfRequest = new WeakMap<FastifyRequest, WebSession>();

/** The session the guard authenticated this request with (undefined for public paths and transfer keys). */
export const sessionOf = (req: FastifyRequest): WebSession | undefined => sessionOfRequest.get(req);

/**
 * The onRequest hook that every HTTP request and WebSocket upgrade passes, in this order:
 * Host allowlist (DNS rebinding) → security headers → Origin → credential for /api (header, or WebSocket
 * subprotocol; rate-limited only when wrong). The renderer's static files are public (the open-source bundle,
 * nothing secret): the page signs itself in with the one-time code in its URL fragment. No cookie is read or
 * set: cookies ignore ports, so any other server on 127.0.0.1 would receive them.
 */
export function createGuard(options: GuardOptions) {
  const { sessions, allowedHosts, limiter, tls, trustedProxies } = options;

  return async function guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    rememberClient(req, trustedProxies);
    const host = normalizeHostHeader(req.headers.host);
    if (!host || !allowedHosts.has(host)) {
      reply.headers(securityHeaders('invalid', tls));
      const message = 'Unknown Host header; open the URL Berth printed.';
      return deny(req, reply, 403, ErrorCode.FORBIDDEN, message, wrongHostPage());
    }
    reply.headers(securityHeaders(host, tls));
    // The matched route, not the raw URL: percent-encoding or extra slashes cannot dodge the check.
    const path = req.routeOptions.url ?? '';
    if (!isApi(path)) return;
    reply.header('cache-control', 'no-store');

    const origin = req.headers.origin;
    const ownOrigin = `${tls ? 'https' : 'http'}://${host}`;
    const foreign = origin !== undefined && origin.toLowerCase() !== ownOrigin;
    if (foreign && (req.ws || (req.method !== 'GET' && req.method !== 'HEAD'))) {
      return deny(req, reply, 403, ErrorCode.FORBIDDEN, 'Cross-origin request refused.');
    }
    const headerValue = req.headers[TOKEN_HEADER];
    const headerSecret = typeof headerValue === 'string' ? headerValue : undefined;
    // A browser always sends Origin on a WebSocket and can only authenticate with the subprotocol; a
    // non-browser client (no Origin) uses the header.
    const secret = req.ws ? (origin === undefined ? headerSecret : protocolSecret(req)) : headerSecret;

    // Paths that authenticate themselves: the session exchange (login code in the body), sign-in and setup
    // (password or setup token in the body), transfers (the session's transfer key in the URL), and the
    // public sign-in mode.
    const selfAuthenticating = SELF_AUTHENTICATING.has(path) || path.startsWith(HTTP_PATHS.transfer);
    const session = sessions.resolve(secret);
    if (session) {
      sessionOfRequest.set(req, session);
      return;
    }
    if (selfAuthenticating && secret === undefined) return;
    if (secret !== undefined) options.onCredentialRefused?.(req, secret);
    return refuse(req, reply, limiter, secret);
  };
}

/**
 * A missing or wrong credential: 401, or 429 once this client sent too many distinct wrong ones. Called only
 * after the credential failed, so the block never stops a valid one.
 */
export async function refuse(
  req: FastifyRequest,
  reply: FastifyReply,
  limiter: FailureRateLimiter,
  presented: string | undefined,
): Promise<void> {
  if (presented !== undefined) {
    const client = clientOf(req);
    if (limiter.isBlocked(client)) {
      const wait = limiter.retryAfterSeconds(client);
      reply.header('retry-after', String(wait));
      const message = `Too many wrong credentials from this client; wait ${wait} s.`;
      return deny(req, reply, 429, ErrorCode.UNAUTHENTICATED, message);
    }
    limiter.recordFailure(client, presented);
  }
  const message =
    'Not signed in, or the session ended: open the link Berth printed when it started (it works once).';
  return deny(req, reply, 401, ErrorCode.UNAUTHENTICATED, message);
}

function protocolSecret(req: FastifyRequest): string | undefined {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return undefined;
  for (const p of header.split(',')) {
    const t = p.trim();
    if (t.startsWith(WS_CREDENTIAL_PREFIX)) return t.slice(WS_CREDENTIAL_PREFIX.length);
  }
  return undefined;
}

async function deny(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: Code,
  message: string,
  html?: string,
): Promise<void> {
  const wantsHtml = html !== undefined && !isApi(req.url) && (req.headers.accept ?? '').includes('text/html');
  reply.code(status).header('cache-control', 'no-store');
  if (wantsHtml) await reply.type('text/html; charset=utf-8').send(html);
  else await reply.send({ ok: false, error: { code, message } });
}

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
