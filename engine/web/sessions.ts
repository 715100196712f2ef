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
 * Secrets are stored hashed, so a lookup's timing says nothing about the secret. Accounts (ADR 18) create
 * sessions through `create(caller, { maxAgeMs })` after a password check; those also end at an absolute
 * deadline, and all of an account's sessions end when its role, password or state changes (`endWhere`).
 */
export interface WebSession {
  /** Public id: names the session in transfer tickets and the audit log. Not a credential. */
  id: string;
  caller: Caller;
  transferKey: string;
  /** Idle deadline, extended by every use. */
  expiresAt: number;
  /** Absolute deadline (account sessions): no use extends it. */
  endsAt: number;
}

export interface SessionStoreOptions {
  /** Who a session made from a login code or the API token acts as. */
  caller: Caller;
  /** Idle sessions end after this (default 12 h); every use extends it. */
  sessionTtlMs?: number;
  /** false in accounts mode: nobody signs in with a printed code there. Default true. */
  loginCodes?: boolean;
  /** Resolves a credential that is not a session (an account's API token, ADR 18). */
  resolveToken?: (secret: string) => WebSession | undefined;
  now?: () => number;
}

export const DEFAULT_LOGIN_CODE_TTL_MS = 10 * 60_000;
const hash = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, WebSession>();
  private readonly byTransferKey = new Map<string, WebSession>();
  private readonly codes = new Map<string, number>();
  private readonly endListeners = new Set<(session: WebSession) => void>();
  private readonly now: () => number;
  private readonly ttl: number;
  /** The per-launch API token (x-berth-token for scripts); kept only in memory and in the 0600 web.json. */
  readonly apiToken = generateToken();

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
    this.ttl = options.sessionTtlMs ?? 12 * 3600_000;
    this.add(this.apiToken, options.caller, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  }

  /** Who a login code signs in as; undefined when codes are off (accounts mode). */
  get loginCodeCaller(): Caller | undefined {
    return this.options.loginCodes === false ? undefined : this.options.caller;
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
    if (expiresAt === undefined || expiresAt < this.now() || this.options.loginCodes === false) return undefined;
    return this.create(this.options.caller);
  }

  /** A new session for a caller (after a code exchange, or a password check with `maxAgeMs`). */
  create(caller: Caller, limits: { maxAgeMs?: number } = {}): { secret: string; session: WebSession } {
    this.sweep();
    const secret = generateToken();
    const endsAt = this.now() + (limits.maxAgeMs ?? Number.POSITIVE_INFINITY);
    return { secret, session: this.add(secret, caller, this.now() + this.ttl, endsAt) };
  }

  /** The live session a secret (session secret, per-launch API token or account API token) belongs to; extends its idle timeout. */
  resolve(secret: string | undefined): WebSession | undefined {
    if (!secret) return undefined;
    const session = this.sessions.get(hash(secret));
    if (session) return this.touch(session);
    return this.options.resolveToken?.(secret);
  }

  /** Ends sessions now (sign-out, or their account changed); their WebSockets are closed by the listeners. */
  endWhere(match: (session: WebSession) => boolean): number {
    let ended = 0;
    for (const [k, s] of this.sessions) {
      if (!match(s)) continue;
      this.drop(k, s);
      ended++;
    }
    return ended;
  }

  /** Told about every session that ends early (not about ones that merely time out). */
  onEnd(listener: (session: WebSession) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** The live session a transfer key belongs to. */
  resolveTransferKey(key: string | undefined): WebSession | undefined {
    if (!key) return undefined;
    return this.touch(this.byTransferKey.get(hash(key)));
  }

  private add(secret: string, caller: Caller, expiresAt: number, endsAt: number): WebSession {
    const session: WebSession = {
      id: randomBytes(9).toString('base64url'),
      caller,
      transferKey: generateToken(),
      expiresAt,
      endsAt,
    };
    this.sessions.set(hash(secret), session);
    this.byTransferKey.set(hash(session.transferKey), session);
    return session;
  }

  private touch(session: WebSession | undefined): WebSession | undefined {
    if (!session) return undefined;
    if (session.expiresAt < this.now() || session.endsAt < this.now()) return undefined;
    if (Number.isFinite(session.expiresAt)) session.expiresAt = this.now() + this.ttl;
    return session;
  }

  private drop(key: string, session: WebSession): void {
    this.sessions.delete(key);
    this.byTransferKey.delete(hash(session.transferKey));
    for (const l of this.endListeners) l(session);
  }

  // Bounded memory: expired codes and sessions go whenever new ones are made.
  private sweep(): void {
    const now = this.now();
    for (const [k, at] of this.codes) if (at < now) this.codes.delete(k);
    for (const [k, s] of this.sessions) {
      if (s.expiresAt < now || s.endsAt < now) {
        this.sessions.delete(k);
        this.byTransferKey.delete(hash(s.transferKey));
      }
    }
  }
}
