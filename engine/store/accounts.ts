import type Database from 'better-sqlite3';
import { ErrorCode, type Role } from '../contract';
import { BerthError } from '../base/errors';
import { loginThrottleStore } from './login-throttle';
import type { AccountChange, AccountsStore, StoredAccount, StoredApiToken } from './types';

/** Migration 4 in sqlite.ts: accounts and their API tokens (a removed account takes its tokens along). */
export const ACCOUNTS_MIGRATION = `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
     created_at INTEGER NOT NULL,
     last_login_at INTEGER,
     disabled INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE account_tokens (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     last_used_at INTEGER
   );
   CREATE INDEX account_tokens_account ON account_tokens(account_id);`;

interface Row {
  id: string;
  username: string;
  password: string;
  role: Role;
  created_at: number;
  last_login_at: number | null;
  disabled: number;
}

interface TokenRow {
  id: string;
  account_id: string;
  name: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

const toAccount = (r: Row): StoredAccount => ({
  id: r.id,
  username: r.username,
  role: r.role,
  createdAt: r.created_at,
  ...(r.last_login_at !== null ? { lastLoginAt: r.last_login_at } : {}),
  disabled: r.disabled === 1,
});

const toToken = (r: TokenRow): StoredApiToken => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  createdAt: r.created_at,
  ...(r.expires_at !== null ? { expiresAt: r.expires_at } : {}),
  ...(r.last_used_at !== null ? { lastUsedAt: r.last_used_at } : {}),
});

export function accountsStore(db: Database.Database): AccountsStore {
  db.pragma('foreign_keys = ON');
  const q = {
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM accounts'),
    all: db.prepare<[], Row>('SELECT * FROM accounts ORDER BY username COLLATE NOCASE'),
    one: db.prepare<[string], Row>('SELECT * FROM accounts WHERE id = ?'),
    byName: db.prepare<[string], Row>('SELECT * FROM accounts WHERE username = ?'),
    insert: db.prepare(
      'INSERT INTO accounts (id, username, password, role, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertFirst: db.prepare(
      'INSERT INTO accounts (id, username, password, role, created_at, disabled) ' +
        'SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM accounts)',
    ),
    update: db.prepare('UPDATE accounts SET role = ?, disabled = ?, password = ? WHERE id = ?'),
    login: db.prepare('UPDATE accounts SET last_login_at = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM accounts WHERE id = ?'),
    admins: db.prepare<[string], { n: number }>(
      "SELECT COUNT(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0 AND id <> ?",
    ),
    tokens: db.prepare<[string], TokenRow>(
      'SELECT * FROM account_tokens WHERE account_id = ? ORDER BY created_at DESC',
    ),
    tokenInsert: db.prepare(
      'INSERT INTO account_tokens (id, account_id, name, hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM account_tokens WHERE hash = ?'),
    tokenRevoke: db.prepare('DELETE FROM account_tokens WHERE account_id = ? AND id = ?'),
    tokenTouch: db.prepare('UPDATE account_tokens SET last_used_at = ? WHERE id = ?'),
  };
  const listeners = new Set<(change: AccountChange) => void>();
  const tell = (change: AccountChange) => {
    for (const l of listeners) l(change);
  };
  const taken = (username: string) =>
    new BerthError(ErrorCode.CONFLICT, `The username "${username}" is taken (usernames ignore case).`);
  const isUnique = (err: unknown) =>
    err instanceof Error && /UNIQUE constraint failed: accounts\.username/.test(err.message);

  return {
    count: () => q.count.get()?.n ?? 0,
    list: () => q.all.all().map(toAccount),
    get: (id) => {
      const r = q.one.get(id);
      return r ? toAccount(r) : undefined;
    },
    byUsername: (username) => {
      const r = q.byName.get(username);
      return r ? { ...toAccount(r), passwordHash: r.password } : undefined;
    },
    passwordHash: (id) => q.one.get(id)?.password,
    create(a, hash) {
      try {
        q.insert.run(a.id, a.username, hash, a.role, a.createdAt, a.disabled ? 1 : 0);
      } catch (err) {
        throw isUnique(err) ? taken(a.username) : err;
      }
      return a;
    },
    createFirst: (a, hash) =>
      q.insertFirst.run(a.id, a.username, hash, a.role, a.createdAt, a.disabled ? 1 : 0).changes === 1,
    update(id, patch, keepSession) {
      const row = q.one.get(id);
      if (!row) return undefined;
      const next: Row = {
        ...row,
        role: patch.role ?? row.role,
        disabled: patch.disabled === undefined ? row.disabled : patch.disabled ? 1 : 0,
        password: patch.passwordHash ?? row.password,
      };
      q.update.run(next.role, next.disabled, next.password, id);
      const account = toAccount(next);
      // Any of these changes what the account's live sessions may do: they end (ADR 18).
      if (next.role !== row.role) tell({ account, kind: 'role' });
      else if (next.disabled === 1 && row.disabled === 0) tell({ account, kind: 'disabled' });
      else if (next.password !== row.password)
        tell({ account, kind: 'password', ...(keepSession ? { keepSession } : {}) });
      return account;
    },
    recordLogin: (id, at) => void q.login.run(at, id),
    remove(id) {
      const row = q.one.get(id);
      if (!row || q.remove.run(id).changes !== 1) return false;
      tell({ account: toAccount(row), kind: 'removed' });
      return true;
    },
    otherActiveAdmins: (exceptId) => q.admins.get(exceptId)?.n ?? 0,
    tokens: {
      list: (accountId) => q.tokens.all(accountId).map(toToken),
      create: (t, hash) =>
        void q.tokenInsert.run(t.id, t.accountId, t.name, hash, t.createdAt, t.expiresAt ?? null),
      byHash: (hash) => {
        const r = q.tokenByHash.get(hash);
        return r ? toToken(r) : undefined;
      },
      revoke: (accountId, id) => q.tokenRevoke.run(accountId, id).changes === 1,
      touch: (id, at) => void q.tokenTouch.run(at, id),
    },
    throttle: loginThrottleStore(db),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
