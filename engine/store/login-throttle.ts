import type Database from 'better-sqlite3';

/**
 * Migration 5 (with the audit log's client column): the sign-in throttle's state, so a restart keeps a locked-out
 * client locked for the rest of its window (ADR 18). One row per throttle key; `data` is the key's small JSON state.
 */
export const LOGIN_THROTTLE_MIGRATION = `CREATE TABLE login_throttle (
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     data TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (kind, key)
   );
   CREATE INDEX login_throttle_expires ON login_throttle(expires_at);`;

/** Account + client pairs, clients, accounts under attack, and each account's known clients. */
export type ThrottleKind = 'pair' | 'client' | 'account' | 'known';

export interface ThrottleRecord {
  kind: ThrottleKind;
  key: string;
  data: unknown;
  /** After this (ms since epoch) the row enforces nothing and is deleted. */
  expiresAt: number;
}

export interface LoginThrottleStore {
  /** Every row that has not expired. */
  load(now: number): ThrottleRecord[];
  put(record: ThrottleRecord): void;
  remove(kind: ThrottleKind, key: string): void;
  /** Deletes expired rows, then the soonest-expiring ones beyond `maxRows`. */
  prune(now: number, maxRows: number): void;
}

interface Row {
  kind: ThrottleKind;
  key: string;
  data: string;
  expires_at: number;
}

export function loginThrottleStore(db: Database.Database): LoginThrottleStore {
  const all = db.prepare<[number], Row>('SELECT * FROM login_throttle WHERE expires_at > ?');
  const put = db.prepare(
    'INSERT INTO login_throttle (kind, key, data, expires_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
  );
  const del = db.prepare('DELETE FROM login_throttle WHERE kind = ? AND key = ?');
  const expired = db.prepare('DELETE FROM login_throttle WHERE expires_at <= ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM login_throttle');
  const oldest = db.prepare(
    'DELETE FROM login_throttle WHERE rowid IN (SELECT rowid FROM login_throttle ORDER BY expires_at LIMIT ?)',
  );
  return {
    load: (now) =>
      all.all(now).flatMap((r) => {
        try {
          return [{ kind: r.kind, key: r.key, data: JSON.parse(r.data) as unknown, expiresAt: r.expires_at }];
        } catch {
          return [];
        }
      }),
    put: (r) => void put.run(r.kind, r.key, JSON.stringify(r.data), Math.floor(r.expiresAt)),
    remove: (kind, key) => void del.run(kind, key),
    prune: (now, maxRows) =>
      db.transaction(() => {
        expired.run(now);
        const extra = (count.get()?.n ?? 0) - maxRows;
        if (extra > 0) oldest.run(extra);
      })(),
  };
}
