import { createHash, randomBytes } from 'node:crypto';
import type { Caller } from '../base/audit';
import { generateToken } from './auth';

/**
 * Web-mode credentials (see docs/adr/0009-web-credentials-and-access.md):
 * - login codes: one-time, short-lived, in the URL Berth prints or hands to the browser; exchanged once for
 *   a session, a second use gets nothing;
 * - sessions: a secret the page keeps in its own storage (per origin, so per port) and sends as a header or
 *   WebSocket subprotocol, never as a cookie; each has a transfer key that only redeems its own tickets;
 * - the per-launch API token for scripts, itself a session that never expires.
 * Secrets are stored hashed, so a lookup's timing says nothing about the secret. Accounts (a later step)
 * create sessions through `create(caller)` after a password check; everything downstream stays the same.
 */
export interface WebSession {
  /** Public id: names the session in transfer tickets and the audit log. Not a credential. */
  id: string;
  caller: Caller;
  transferKey: string;
  expiresAt: number;
}

export interface SessionStoreOptions {
  /** Who a session made from a login code or the API token acts as. */
  caller: Caller;
  /** Idle sessions end after this (default 12 h); every use extends it. */
  sessionTtlMs?: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_CODE_TTL_MS = 10 * 60_000;
const hash = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, WebSession>();
  private readonly byTransferKey = new Map<string, WebSession>();
  private readonly codes = new Map<string, number>();
  private readonly now: () => number;
  private readonly ttl: number;
  /** The per-launch API token (x-berth-token for scripts); kept only in memory and in the 0600 web.json. */
  readonly apiToken = generateToken();

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
    this.ttl = options.sessionTtlMs ?? 12 * 3600_000;
    this.add(this.apiToken, options.caller, Number.POSITIVE_INFINITY);
  }

  /** A new one-time login code, valid for `ttlMs` or until used. */
  issueLoginCode(ttlMs = DEFAULT_LOGIN_CODE_TTL_MS): string {
    this.sweep();
    const code = generateToken();
    this.codes.set(hash(code), this.now() + ttlMs);
    return code;
  }

  /** Redeems a login code once; undefined for an unknown, used or expired code. */
  exchangeCode(code: string): { secret: string; session: WebSession } | undefined {
    const key = hash(code);
    const expiresAt = this.codes.get(key);
    this.codes.delete(key);
    if (expiresAt === undefined || expiresAt < this.now()) return undefined;
    return this.create(this.options.caller);
  }

  /** A new session for a caller (after a code exchange; later, after a password check). */
  create(caller: Caller): { secret: string; session: WebSession } {
    this.sweep();
    const secret = generateToken();
    return { secret, session: this.add(secret, caller, this.now() + this.ttl) };
  }

  /** The live session a secret (session secret or API token) belongs to; extends its idle timeout. */
  resolve(secret: string | undefined): WebSession | undefined {
    if (!secret) return undefined;
    return this.touch(this.sessions.get(hash(secret)));
  }

  /** The live session a transfer key belongs to. */
  resolveTransferKey(key: string | undefined): WebSession | undefined {
    if (!key) return undefined;
    return this.touch(this.byTransferKey.get(hash(key)));
  }

  private add(secret: string, caller: Caller, expiresAt: number): WebSession {
    const session: WebSession = {
      id: randomBytes(9).toString('base64url'),
      caller,
      transferKey: generateToken(),
      expiresAt,
    };
    this.sessions.set(hash(secret), session);
    this.byTransferKey.set(hash(session.transferKey), session);
    return session;
  }

  private touch(session: WebSession | undefined): WebSession | undefined {
    if (!session) return undefined;
    if (session.expiresAt < this.now()) return undefined;
    if (Number.isFinite(session.expiresAt)) session.expiresAt = this.now() + this.ttl;
    return session;
  }

  // Bounded memory: expired codes and sessions go whenever new ones are made.
  private sweep(): void {
    const now = this.now();
    for (const [k, at] of this.codes) if (at < now) this.codes.delete(k);
    for (const [k, s] of this.sessions) {
      if (s.expiresAt < now) {
        this.sessions.delete(k);
        this.byTransferKey.delete(hash(s.transferKey));
      }
    }
  }
}
