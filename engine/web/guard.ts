import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, TOKEN_HEADER, TOKEN_QUERY, type ErrorCode as Code } from '../contract';
import { cookieName, readCookie, serializeAuthCookie, tokensEqual, type FailureRateLimiter } from './auth';
import { securityHeaders } from './headers';
import { normalizeHostHeader } from './host-check';
import { rateLimitedPage, unauthorizedPage, wrongHostPage } from './pages';

export interface GuardOptions {
  token: string;
  port: number;
  allowedHosts: Set<string>;
  limiter: FailureRateLimiter;
}

/**
 * The onRequest hook that every HTTP request and WebSocket upgrade passes, in this order:
 * Host allowlist (DNS rebinding) → security headers → token (query, header or cookie; rate-limited) →
 * Origin → first visit with ?token= becomes a cookie and a redirect that drops the token from the URL.
 */
export function createGuard(options: GuardOptions) {
  const { token, port, allowedHosts, limiter } = options;
  const cookie = cookieName(port);

  return async function guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = normalizeHostHeader(req.headers.host);
    if (!host || !allowedHosts.has(host)) {
      reply.headers(securityHeaders('invalid'));
      return deny(
        req,
        reply,
        403,
        ErrorCode.FORBIDDEN,
        'Unknown Host header; open the URL Berth printed.',
        wrongHostPage(),
      );
    }
    reply.headers(securityHeaders(host));
    if (isApi(req.url)) reply.header('cache-control', 'no-store');

    const { pathname, query } = splitUrl(req.url);
    const queryToken = query.get(TOKEN_QUERY) ?? undefined;
    const headerValue = req.headers[TOKEN_HEADER];
    const headerToken = typeof headerValue === 'string' ? headerValue : undefined;
    const cookieToken = readCookie(req.headers.cookie, cookie);
    const presented = [queryToken, headerToken, cookieToken].filter((t): t is string => t !== undefined);

    const unauthorized = 'Missing or wrong Berth token: open the URL Berth printed when it started.';
    if (presented.length === 0)
      return deny(req, reply, 401, ErrorCode.UNAUTHENTICATED, unauthorized, unauthorizedPage());
    if (limiter.isBlocked(req.ip)) {
      const wait = limiter.retryAfterSeconds(req.ip);
      reply.header('retry-after', String(wait));
      const message = `Too many wrong tokens from this client; wait ${wait} s.`;
      return deny(req, reply, 429, ErrorCode.UNAUTHENTICATED, message, rateLimitedPage(wait));
    }
    // Every presented token is compared, so timing does not reveal which one was wrong.
    const matches = presented.map((t) => tokensEqual(t, token));
    if (!matches.includes(true)) {
      for (const t of presented) limiter.recordFailure(req.ip, t);
      // A stale cookie from an earlier launch is removed so it stops failing on every request.
      if (cookieToken !== undefined)
        reply.header('set-cookie', `${cookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return deny(req, reply, 401, ErrorCode.UNAUTHENTICATED, unauthorized, unauthorizedPage());
    }

    const origin = req.headers.origin;
    const ownOrigin = `http://${host}`;
    if (req.ws) {
      // Browsers always send Origin on a WebSocket; only non-browser clients omit it, and they must use the header.
      const headerOk = headerToken !== undefined && tokensEqual(headerToken, token);
      if (origin === undefined ? !headerOk : origin.toLowerCase() !== ownOrigin) {
        return deny(
          req,
          reply,
          403,
          ErrorCode.FORBIDDEN,
          'WebSocket refused: foreign or missing Origin.',
          undefined,
        );
      }
      return;
    }
    // Cookies are SameSite, but every port of 127.0.0.1 is the same "site": a page served by another local
    // server could still POST here with our cookie. Its Origin gives it away.
    if (
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      origin !== undefined &&
      origin.toLowerCase() !== ownOrigin
    ) {
      return deny(req, reply, 403, ErrorCode.FORBIDDEN, 'Cross-origin request refused.', undefined);
    }
    if (queryToken !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      query.delete(TOKEN_QUERY);
      const rest = query.toString();
      reply.header('set-cookie', serializeAuthCookie(port, token));
      reply.header('cache-control', 'no-store');
      return reply.redirect(`${pathname}${rest ? `?${rest}` : ''}`, 302);
    }
  };
}

async function deny(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: Code,
  message: string,
  html: string | undefined,
): Promise<void> {
  const wantsHtml = html !== undefined && !isApi(req.url) && (req.headers.accept ?? '').includes('text/html');
  reply.code(status).header('cache-control', 'no-store');
  if (wantsHtml) await reply.type('text/html; charset=utf-8').send(html);
  else await reply.send({ ok: false, error: { code, message } });
}

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Splits a raw request URL without resolving it against a base: `new URL('//evil.example/x', base)` would
 * treat the path as a host, and redirecting there would be an open redirect. Leading slashes and backslashes
 * collapse to one slash for the same reason (browsers read `/\host` as `//host`).
 */
export function splitUrl(raw: string): { pathname: string; query: URLSearchParams } {
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const pathname = path.replace(/^[/\\]+/, '/') || '/';
  return { pathname, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}
