import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, HTTP_PATHS, type AuthMode, type ErrorCode as Code } from '../contract';
import { username as usernameSchema } from '../contract/methods/accounts';
import type { Caller } from '../base/audit';
import { newRowId } from '../store/api-tokens';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from '../store/passwords';
import type { AccountsStore } from '../store/types';
import type { FailureRateLimiter } from './auth';
import type { AuthAudit, AuthFailure } from './auth-audit';
import { clientOf } from './client-address';
import { refuse, sessionOf } from './guard';
import type { LoginThrottle } from './login-throttle';
import { grant } from './session-routes';
import type { SessionStore } from './sessions';
import type { SetupGate } from './setup-gate';

export interface AccountRoutesOptions {
  sessions: SessionStore;
  limiter: FailureRateLimiter;
  /** Where sign-ins, sign-outs, setups and refusals are written (the audit log). */
  audit: AuthAudit;
  /** Absent in single-user mode: /api/auth says so and login/setup answer 404. */
  accounts?: { store: AccountsStore; throttle: LoginThrottle; setup: SetupGate; sessionMaxMs: number };
  now?: () => number;
}

/**
 * Sign-in for accounts mode (docs/adr/0018-accounts-and-roles.md): the public mode endpoint, the one-time
 * first-admin setup, password login (throttled per account and client) and logout. Sessions come from
 * `SessionStore.create(caller)` like every other web session.
 */
export function registerAccountRoutes(app: FastifyInstance, options: AccountRoutesOptions): void {
  const { sessions, limiter, accounts, audit } = options;
  const now = options.now ?? Date.now;

  app.get(HTTP_PATHS.auth, () => {
    const value: AuthMode = accounts
      ? { mode: 'accounts', setupRequired: accounts.setup.isOpen() }
      : { mode: 'single-user', setupRequired: false };
    return Promise.resolve({ ok: true, value });
  });

  app.post(HTTP_PATHS.logout, async (req, reply) => {
    const session = sessionOf(req);
    if (!session) return refuse(req, reply, limiter, undefined);
    sessions.endWhere((s) => s.id === session.id);
    audit.success('auth.logout', { ...session.caller, session: session.id, client: clientOf(req) });
    return reply.send({ ok: true, value: null });
  });

  if (!accounts) return;
  const { store, throttle, setup, sessionMaxMs } = accounts;
  const signIn = (reply: FastifyReply, caller: Caller, action: 'auth.login' | 'auth.setup') => {
    const made = sessions.create(caller, { maxAgeMs: sessionMaxMs });
    audit.success(action, { ...caller, session: made.session.id });
    return grant(reply, made);
  };
  const failed = (
    req: FastifyRequest,
    action: 'auth.login' | 'auth.setup',
    user: string,
    reason: AuthFailure,
    errorCode: Code,
  ) => audit.failure(action, { user, client: clientOf(req), reason, errorCode });

  app.post<{ Body: unknown }>(HTTP_PATHS.setup, async (req, reply) => {
    const body = fields(req.body, ['token', 'username', 'password']);
    if (!body) return bad(reply, 'Send { token, username, password } as JSON.');
    const name = usernameSchema.safeParse(body.username);
    if (!name.success) return bad(reply, name.error.issues[0]?.message ?? 'Invalid username', 'username');
    const problem = passwordProblem(body.password);
    if (problem) return bad(reply, problem, 'password');
    if (!setup.isOpen()) {
      failed(req, 'auth.setup', name.data, 'set-up-already', ErrorCode.CONFLICT);
      return deny(reply, 409, ErrorCode.CONFLICT, 'Berth is set up already: sign in with an account.');
    }
    // Claimed synchronously, before the first await: a second request finds it taken (no race).
    const claim = setup.claim(body.token);
    if (!claim) {
      failed(req, 'auth.setup', name.data, 'wrong-setup-token', ErrorCode.UNAUTHENTICATED);
      return refuse(req, reply, limiter, body.token);
    }
    try {
      const account = {
        id: newRowId(),
        username: name.data,
        role: 'admin' as const,
        createdAt: now(),
        disabled: false,
      };
      if (!store.createFirst(account, await hashPassword(body.password))) {
        claim.close();
        failed(req, 'auth.setup', name.data, 'set-up-already', ErrorCode.CONFLICT);
        return deny(reply, 409, ErrorCode.CONFLICT, 'Berth is set up already: sign in with an account.');
      }
      claim.close();
      store.recordLogin(account.id, now());
      const caller: Caller = { role: 'admin', user: account.username, via: 'web', account: account.id };
      return signIn(reply, { ...caller, client: clientOf(req) }, 'auth.setup');
    } catch (err) {
      claim.release();
      throw err;
    }
  });

  app.post<{ Body: unknown }>(HTTP_PATHS.login, async (req, reply) => {
    const body = fields(req.body, ['username', 'password']);
    if (!body || body.username.length > 64 || body.password.length > 1024) {
      return bad(reply, 'Send { username, password } as JSON.');
    }
    const client = clientOf(req);
    const verdict = throttle.check(body.username, client);
    if (!verdict.ok) {
      failed(req, 'auth.login', body.username, 'locked-out', ErrorCode.UNAUTHENTICATED);
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return deny(reply, 429, ErrorCode.UNAUTHENTICATED, verdict.reason);
    }
    const account = store.byUsername(body.username);
    // An unknown name costs the same scrypt as a known one, so timing does not say which names exist.
    const right = await verifyPassword(body.password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !right) {
      throttle.failure(body.username, client);
      failed(req, 'auth.login', account?.username ?? body.username, account ? 'wrong-password' : 'unknown-user', ErrorCode.UNAUTHENTICATED);
      return deny(reply, 401, ErrorCode.UNAUTHENTICATED, 'Wrong username or password.');
    }
    if (account.disabled) {
      failed(req, 'auth.login', account.username, 'disabled', ErrorCode.FORBIDDEN);
      return deny(reply, 403, ErrorCode.FORBIDDEN, 'This account is disabled; ask an admin of this Berth.');
    }
    throttle.success(body.username, client);
    store.recordLogin(account.id, now());
    const caller: Caller = { role: account.role, user: account.username, via: 'web', account: account.id, client };
    return signIn(reply, caller, 'auth.login');
  });
}

function fields<K extends string>(body: unknown, keys: readonly K[]): Record<K, string> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  return keys.every((k) => typeof b[k] === 'string') ? (b as Record<K, string>) : undefined;
}

function bad(reply: FastifyReply, message: string, field?: string): Promise<FastifyReply> {
  const details = field ? [{ path: field, message }] : undefined;
  return deny(reply, 400, ErrorCode.INVALID_ARGUMENT, message, details);
}

async function deny(
  reply: FastifyReply,
  status: number,
  code: Code,
  message: string,
  details?: unknown,
): Promise<FastifyReply> {
  return reply.code(status).send({ ok: false, error: { code, message, ...(details ? { details } : {}) } });
}

