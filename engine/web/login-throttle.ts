import type { LoginThrottleStore, ThrottleKind } from '../store/login-throttle';

/**
 * Password sign-in throttling (docs/adr/0018-accounts-and-roles.md). Three keys, so a lockout stops the
 * guesser without becoming a switch that locks the real user out:
 * - account + client: after `perPair` wrong passwords that client is locked out of that account, 30 s at
 *   first and doubling per lockout up to 15 min; a success from that client clears it. Other clients,
 *   including the account's owner elsewhere, are not affected.
 * - client: `perClient` wrong passwords within 15 min (any usernames, known or not: password spraying) lock
 *   that client out of every account for 15 min.
 * - account (many clients: a distributed attack): after `perAccount` wrong passwords within an hour the
 *   account accepts tries only from clients that signed in to it before (remembered in memory), for 15 min.
 *   Its owner on a known client still gets in; a new client waits at most 15 min.
 * A locked-out attempt is refused before the password is checked: otherwise the lockout would still answer
 * "right" or "wrong" and guessing could go on.
 * With a `store` (Berth's SQLite database) every change is written through and the state is loaded at start, so
 * a restart does not lift a lockout; rows expire with what they enforce and the table stays bounded.
 */

export interface LoginThrottleOptions {
  perPair?: number;
  perClient?: number;
  perAccount?: number;
  /** The first lockout of an account + client (then doubling, up to 15 min). Default 30 s. */
  firstLockMs?: number;
  now?: () => number;
  /** Keeps the state across restarts. */
  store?: LoginThrottleStore;
}

const MIN = 60_000;
const MAX_LOCK_MS = 15 * MIN;
const CLIENT_WINDOW_MS = 15 * MIN;
const ACCOUNT_WINDOW_MS = 60 * MIN;
const KNOWN_CLIENTS_PER_ACCOUNT = 64;
const MAX_ENTRIES = 10_000;
/** A pair's lockout count (the doubling) is forgotten after a day without failures. */
const PAIR_MEMORY_MS = 24 * 60 * MIN;
const KNOWN_MEMORY_MS = 30 * 24 * 60 * MIN;
/** Rows kept in the database at most: the in-memory bounds of all four maps. */
const MAX_ROWS = 4 * MAX_ENTRIES;

interface Pair {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

interface Window {
  start: number;
  failures: number;
  lockedUntil: number;
}

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; reason: string };

export class LoginThrottle {
  private readonly pairs = new Map<string, Pair>();
  private readonly clients = new Map<string, Window>();
  private readonly accounts = new Map<string, Window>();
  private readonly known = new Map<string, Set<string>>();
  private readonly now: () => number;
  private readonly perPair: number;
  private readonly perClient: number;
  private readonly perAccount: number;
  private readonly firstLockMs: number;
  private readonly store: LoginThrottleStore | undefined;
  private writes = 0;

  constructor(options: LoginThrottleOptions = {}) {
    this.now = options.now ?? Date.now;
    this.perPair = options.perPair ?? 5;
    this.perClient = options.perClient ?? 30;
    this.perAccount = options.perAccount ?? 100;
    this.firstLockMs = options.firstLockMs ?? 30_000;
    this.store = options.store;
    if (this.store) this.load(this.store);
  }

  /** May this client try a password for this username now? */
  check(username: string, client: string): ThrottleVerdict {
    const now = this.now();
    const account = username.toLowerCase();
    const pair = this.pairs.get(pairKey(account, client));
    if (pair && pair.lockedUntil > now) {
      return locked(pair.lockedUntil - now, 'Too many wrong passwords for this account from here');
    }
    const c = this.window(this.clients, client, CLIENT_WINDOW_MS);
    if (c && c.lockedUntil > now) return locked(c.lockedUntil - now, 'Too many failed sign-ins from here');
    const a = this.window(this.accounts, account, ACCOUNT_WINDOW_MS);
    if (a && a.lockedUntil > now && !this.known.get(account)?.has(client)) {
      return locked(
        a.lockedUntil - now,
        'This account is under a password-guessing attack; sign in from a device you used before, or wait',
      );
    }
    return { ok: true };
  }

  failure(username: string, client: string): void {
    const now = this.now();
    const account = username.toLowerCase();
    this.prune(now);
    const key = pairKey(account, client);
    const pair = this.pairs.get(key) ?? { failures: 0, lockouts: 0, lockedUntil: 0 };
    if (++pair.failures >= this.perPair) {
      pair.lockedUntil = now + Math.min(MAX_LOCK_MS, this.firstLockMs * 2 ** pair.lockouts);
      pair.lockouts++;
      pair.failures = 0;
    }
    this.pairs.set(key, pair);
    this.save('pair', key, pair, Math.max(now, pair.lockedUntil) + PAIR_MEMORY_MS);
    this.count(this.clients, client, CLIENT_WINDOW_MS, this.perClient, now);
    this.count(this.accounts, account, ACCOUNT_WINDOW_MS, this.perAccount, now);
  }

  success(username: string, client: string): void {
    const account = username.toLowerCase();
    const key = pairKey(account, client);
    if (this.pairs.delete(key)) this.store?.remove('pair', key);
    const known = this.known.get(account) ?? new Set<string>();
    known.delete(client);
    known.add(client);
    // Most recent last: the oldest goes when the set is full.
    if (known.size > KNOWN_CLIENTS_PER_ACCOUNT) known.delete(known.values().next().value as string);
    this.known.set(account, known);
    this.save('known', account, [...known], this.now() + KNOWN_MEMORY_MS);
  }

  private window(map: Map<string, Window>, key: string, span: number): Window | undefined {
    const w = map.get(key);
    if (w && this.now() - w.start >= span && w.lockedUntil <= this.now()) {
      map.delete(key);
      this.store?.remove(map === this.clients ? 'client' : 'account', key);
      return undefined;
    }
    return w;
  }

  private count(map: Map<string, Window>, key: string, span: number, limit: number, now: number): void {
    const w = this.window(map, key, span) ?? { start: now, failures: 0, lockedUntil: 0 };
    if (++w.failures >= limit) {
      w.lockedUntil = now + MAX_LOCK_MS;
      w.failures = 0;
      w.start = now;
    }
    map.set(key, w);
    this.save(map === this.clients ? 'client' : 'account', key, w, Math.max(w.start + span, w.lockedUntil));
  }

  private save(kind: ThrottleKind, key: string, data: unknown, expiresAt: number): void {
    if (!this.store) return;
    this.store.put({ kind, key, data, expiresAt });
    if (++this.writes % 500 === 0) this.store.prune(this.now(), MAX_ROWS);
  }

  /** The state a previous run left, minus what has expired; a malformed row is skipped (it only loosens). */
  private load(store: LoginThrottleStore): void {
    const now = this.now();
    store.prune(now, MAX_ROWS);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    for (const r of store.load(now)) {
      const d = (typeof r.data === 'object' && r.data !== null ? r.data : {}) as Record<string, unknown>;
      if (r.kind === 'known' && Array.isArray(r.data)) {
        const clients = r.data.filter((c): c is string => typeof c === 'string');
        this.known.set(r.key, new Set(clients.slice(-KNOWN_CLIENTS_PER_ACCOUNT)));
      } else if (r.kind === 'pair') {
        const [failures, lockouts, lockedUntil] = [num(d.failures), num(d.lockouts), num(d.lockedUntil)];
        if (failures !== undefined && lockouts !== undefined && lockedUntil !== undefined)
          this.pairs.set(r.key, { failures, lockouts, lockedUntil });
      } else if (r.kind === 'client' || r.kind === 'account') {
        const [start, failures, lockedUntil] = [num(d.start), num(d.failures), num(d.lockedUntil)];
        if (start !== undefined && failures !== undefined && lockedUntil !== undefined)
          (r.kind === 'client' ? this.clients : this.accounts).set(r.key, { start, failures, lockedUntil });
      }
    }
  }

  // Bounded memory under a flood of clients or usernames: entries with nothing left to enforce go first.
  private prune(now: number): void {
    if (this.pairs.size > MAX_ENTRIES) {
      for (const [k, p] of this.pairs) if (p.lockedUntil <= now) this.pairs.delete(k);
      this.store?.prune(now, MAX_ROWS);
    }
    for (const [map, span] of [
      [this.clients, CLIENT_WINDOW_MS],
      [this.accounts, ACCOUNT_WINDOW_MS],
    ] as const) {
      if (map.size <= MAX_ENTRIES) continue;
      for (const [k, w] of map) if (now - w.start >= span && w.lockedUntil <= now) map.delete(k);
    }
  }
}

const pairKey = (account: string, client: string) => `${account}\n${client}`;

function locked(ms: number, reason: string): ThrottleVerdict {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return { ok: false, retryAfterSeconds, reason: `${reason}: try again in ${retryAfterSeconds} s.` };
}
