import type { AuditEntry, AuthAction, Caller } from '../base/audit';

/** Why a sign-in, setup or API token was refused: a class, never what was typed. */
export type AuthFailure =
  | 'unknown-user'
  | 'wrong-password'
  | 'wrong-login-code'
  | 'locked-out'
  | 'disabled'
  | 'wrong-setup-token'
  | 'set-up-already'
  | 'unknown-token'
  | 'expired-token';

export interface AuthAuditOptions {
  /** Failure entries written per client per minute; further ones become one summary entry. Default 10. */
  perClientPerMinute?: number;
  /** Failure entries written per minute from all clients together (a distributed flood). Default 60. */
  totalPerMinute?: number;
  now?: () => number;
}

interface Window {
  start: number;
  written: number;
  /** Suppressed failures by action, and the names they tried (a few, for the summary). */
  suppressed: Map<AuthAction, number>;
  users: Set<string>;
}

const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;
const SUMMARY_USERS = 10;
/** The summary of failures over the total budget names no one client. */
export const ALL_CLIENTS = '*';

/**
 * Writes sign-in events into the audit log (ADR 18, "Sign-in audit and proxies"). Successes need a credential,
 * so they are always written. Failures come from anyone who can reach the port, so they are rate-bound: at most
 * `perClientPerMinute` entries per client and `totalPerMinute` in all per minute; the rest are counted and
 * written as one "N more failed attempts" entry per client (or one for all clients) when the minute is over. A
 * flood therefore costs the log a bounded number of rows a minute and cannot evict real entries quickly.
 */
export class AuthAudit {
  private readonly clients = new Map<string, Window>();
  private total: Window;
  private readonly perClient: number;
  private readonly totalMax: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly append: (entry: AuditEntry) => void,
    options: AuthAuditOptions = {},
  ) {
    this.perClient = options.perClientPerMinute ?? 10;
    this.totalMax = options.totalPerMinute ?? 60;
    this.now = options.now ?? Date.now;
    this.total = this.fresh();
    // Summaries are written even if the flood stops; unref: the timer never keeps the process alive.
    this.timer = setInterval(() => this.flush(), WINDOW_MS).unref();
  }

  /** A signed-in caller's event (sign-in, setup, sign-out): always written. */
  success(action: AuthAction, caller: Caller, params: Record<string, unknown> = {}): void {
    this.write({
      at: this.now(),
      caller: {
        user: caller.user,
        role: caller.role,
        via: 'web',
        ...(caller.client ? { client: caller.client } : {}),
      },
      method: action,
      params: { ...params, ...(caller.session ? { session: caller.session } : {}) },
      ok: true,
    });
  }

  /** A refused attempt by someone not signed in; `user` is the name tried (or empty). Rate-bound. */
  failure(
    action: AuthAction,
    attempt: { user: string; client: string; reason: AuthFailure; errorCode: string },
  ): void {
    const now = this.now();
    const w = this.windowOf(attempt.client, now);
    if (this.total.start + WINDOW_MS <= now) this.closeWindow(ALL_CLIENTS, this.total, now);
    const over =
      w.written >= this.perClient ? w : this.total.written >= this.totalMax ? this.total : undefined;
    if (over) {
      over.suppressed.set(action, (over.suppressed.get(action) ?? 0) + 1);
      if (over.users.size < SUMMARY_USERS && attempt.user) over.users.add(attempt.user);
      return;
    }
    w.written++;
    this.total.written++;
    this.write({
      at: now,
      caller: { user: attempt.user, role: 'anonymous', via: 'web', client: attempt.client },
      method: action,
      params: { reason: attempt.reason },
      ok: false,
      errorCode: attempt.errorCode,
    });
  }

  /** Writes the summaries of every minute that is over (the timer calls it; `close` forces all). */
  flush(all = false): void {
    const now = this.now();
    for (const [client, w] of this.clients) {
      if (all || w.start + WINDOW_MS <= now) {
        this.clients.delete(client);
        this.summarize(client, w, now);
      }
    }
    if (all || this.total.start + WINDOW_MS <= now) this.closeWindow(ALL_CLIENTS, this.total, now);
  }

  close(): void {
    clearInterval(this.timer);
    this.flush(true);
  }

  private windowOf(client: string, now: number): Window {
    let w = this.clients.get(client);
    if (w && w.start + WINDOW_MS <= now) {
      this.clients.delete(client);
      this.summarize(client, w, now);
      w = undefined;
    }
    if (!w) {
      if (this.clients.size >= MAX_CLIENTS) this.flush();
      w = this.fresh(now);
      // Still full (a flood of distinct addresses within one minute): the new client shares the total budget only.
      if (this.clients.size < MAX_CLIENTS) this.clients.set(client, w);
    }
    return w;
  }

  private closeWindow(client: string, w: Window, now: number): void {
    this.summarize(client, w, now);
    this.total = this.fresh(now);
  }

  private summarize(client: string, w: Window, now: number): void {
    for (const [action, count] of w.suppressed) {
      const users = [...w.users];
      this.write({
        at: now,
        caller: { user: users.length === 1 ? (users[0] ?? '') : '', role: 'anonymous', via: 'web', client },
        method: action,
        params: {
          moreFailedAttempts: count,
          from: w.start,
          to: now,
          ...(users.length ? { usernames: users } : {}),
        },
        ok: false,
        errorCode: 'RATE_BOUND',
      });
    }
    w.suppressed.clear();
  }

  private fresh(now = this.now()): Window {
    return { start: now, written: 0, suppressed: new Map(), users: new Set() };
  }

  private write(entry: AuditEntry): void {
    try {
      this.append(entry);
    } catch {
      // The audit log failing must not break signing in; the dispatcher's entries would fail the same way.
    }
  }
}
