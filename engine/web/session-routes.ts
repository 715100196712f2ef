import type { FastifyInstance, FastifyReply } from 'fastify';
import { HTTP_PATHS, type WebSessionGrant } from '../contract';
import type { FailureRateLimiter } from './auth';
import type { AuthAudit } from './auth-audit';
import { clientOf } from './client-address';
import { refuse, sessionOf } from './guard';
import type { SessionStore, WebSession } from './sessions';

/**
 * HTTP_PATHS.session:
 * - POST { code } redeems a one-time login code (from the URL fragment Berth printed) for a new session;
 * - POST with the x-berth-token header (the API token or a session) makes a new browser session for the
 *   same caller, so a page never keeps the long-lived API token itself;
 * - GET with the header says whether that session is still alive (the page checks before it connects).
 */
export function registerSessionRoutes(
  app: FastifyInstance,
  sessions: SessionStore,
  limiter: FailureRateLimiter,
  /** Absolute life of a session made for an account (accounts mode). */
  accountSessionMaxMs: number | undefined,
  /** A login code exchanged (single-user mode's sign-in) or refused is written here. */
  audit: AuthAudit,
): void {
  app.post<{ Body: { code?: unknown } | undefined }>(HTTP_PATHS.session, async (req, reply) => {
    const current = sessionOf(req);
    if (current) {
      const caller = current.caller;
      const limits = caller.account && accountSessionMaxMs ? { maxAgeMs: accountSessionMaxMs } : {};
      return grant(reply, sessions.create(caller, limits));
    }
    const code = req.body?.code;
    // (A wrong x-berth-token header never gets here: the guard refused it.)
    if (typeof code !== 'string' || code.length === 0 || code.length > 200) {
      return refuse(req, reply, limiter, undefined);
    }
    const made = sessions.exchangeCode(code);
    if (!made) {
      const caller = sessions.loginCodeCaller;
      if (caller) {
        const client = clientOf(req);
        audit.failure('auth.login', {
          user: caller.user,
          client,
          reason: 'wrong-login-code',
          errorCode: 'UNAUTHENTICATED',
        });
      }
      return refuse(req, reply, limiter, code);
    }
    const caller = { ...made.session.caller, session: made.session.id, client: clientOf(req) };
    audit.success('auth.login', caller, { with: 'login code' });
    return grant(reply, made);
  });

  app.get(HTTP_PATHS.session, async (req, reply) => {
    const current = sessionOf(req);
    if (!current) return refuse(req, reply, limiter, undefined);
    return { ok: true, value: { role: current.caller.role, user: current.caller.user } };
  });
}

export function grant(reply: FastifyReply, made: { secret: string; session: WebSession }): FastifyReply {
  const value: WebSessionGrant = {
    secret: made.secret,
    transferKey: made.session.transferKey,
    role: made.session.caller.role,
    user: made.session.caller.user,
  };
  return reply.code(200).send({ ok: true, value });
}
