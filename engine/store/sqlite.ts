import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, type ComposeSource, type Settings } from '../contract';
import type { AuditEntry } from '../base/audit';
import { registriesStore } from './registries';
import { accountsStore, ACCOUNTS_MIGRATION } from './accounts';
import { LOGIN_THROTTLE_MIGRATION } from './login-throttle';
import { redactSecrets } from '../base/audit-redact';
import { auditReader } from './audit-query';
import { enforceDataDirModes } from './file-modes';
import type { AuditStore, ComposeProjectsStore, SettingsStore, Store, StoredComposeProject } from './types';

/**
 * Schema migrations, applied in order and recorded in PRAGMA user_version. Append only: a released migration
 * is never edited, so a user's database always moves forward.
 */
const migrations: string[] = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     user TEXT NOT NULL,
     role TEXT NOT NULL,
     via TEXT NOT NULL,
     method TEXT NOT NULL,
     params TEXT NOT NULL,
     ok INTEGER NOT NULL,
     error_code TEXT
   );
   CREATE INDEX audit_at ON audit(at);`,
  `CREATE TABLE compose_projects (
     name TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     services INTEGER NOT NULL,
     opened_at INTEGER NOT NULL
   );`,
  `CREATE TABLE registries (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     url TEXT NOT NULL UNIQUE,
     insecure INTEGER NOT NULL,
     ca TEXT,
     username TEXT,
     secret TEXT,
     created_at INTEGER NOT NULL
   );`,
  ACCOUNTS_MIGRATION,
  // The client address of web-mode entries (sign-ins, calls), and the persisted sign-in lockouts (ADR 18).
  `ALTER TABLE audit ADD COLUMN client TEXT;
   ${LOGIN_THROTTLE_MIGRATION}`,
];

/** Oldest audit rows are dropped beyond this many, so the log cannot fill the disk. */
const AUDIT_KEEP = 100_000;
/** Parameters are audited, but a huge one (a compose file, an upload) is cut to keep rows small. */
const AUDIT_PARAMS_MAX = 4096;

export const DATABASE_FILE = 'berth.db';

/**
 * Opens (creating if needed) Berth's embedded database in `dataDir`. SQLite in WAL mode gives atomic,
 * durable writes: a crash mid-write never leaves half-written settings.
 */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // After WAL mode is on, so the -wal/-shm files exist and get their mode too.
  enforceDataDirModes(dataDir, DATABASE_FILE);
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return storeOver(db);
}

/**
 * The same store in memory, gone on close: for a one-shot query (`berth engine status`) that must not create
 * a database where there is none. Defaults are what a new database would hold.
 */
export function openMemoryStore(): Store {
  return storeOver(new Database(':memory:'));
}

function storeOver(db: Database.Database): Store {
  migrate(db);
  return {
    settings: settingsStore(db),
    audit: auditStore(db),
    composeProjects: composeProjectsStore(db),
    registries: registriesStore(db),
    accounts: accountsStore(db),
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `Berth's database was written by a newer version of Berth (schema ${current}); update Berth to open it.`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

function settingsStore(db: Database.Database): SettingsStore {
  const read = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const get = (): Settings => {
    const rows = new Map(read.all().map((r) => [r.key, r.value]));
    return {
      engine: { ...defaultSettings.engine, ...parseObject(rows.get('engine')) },
      theme: parseTheme(rows.get('theme')) ?? defaultSettings.theme,
    };
  };
  return {
    get,
    update(patch) {
      const next = get();
      if (patch.engine) next.engine = { ...next.engine, ...patch.engine };
      if (patch.theme) next.theme = patch.theme;
      db.transaction(() => {
        write.run('engine', JSON.stringify(next.engine));
        write.run('theme', JSON.stringify(next.theme));
      })();
      return next;
    },
  };
}

function auditStore(db: Database.Database): AuditStore {
  const insert = db.prepare(
    'INSERT INTO audit (at, user, role, via, method, params, ok, error_code, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const trim = db.prepare('DELETE FROM audit WHERE id <= (SELECT MAX(id) FROM audit) - ?');
  const list = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit WHERE at < ? ORDER BY id DESC LIMIT ?',
  );
  let appended = 0;
  return {
    append(e: AuditEntry) {
      // Secret-bearing fields never reach the disk (see redactSecrets).
      let params = JSON.stringify(redactSecrets(e.params ?? null));
      if (params.length > AUDIT_PARAMS_MAX)
        params = JSON.stringify({ truncated: params.slice(0, AUDIT_PARAMS_MAX) });
      insert.run(
        e.at,
        e.caller.user,
        e.caller.role,
        e.caller.via,
        e.method,
        params,
        e.ok ? 1 : 0,
        e.errorCode ?? null,
        e.caller.client ?? null,
      );
      // Trimming on every write would cost a query per call; every 1,000 appends is plenty.
      if (++appended % 1000 === 0) trim.run(AUDIT_KEEP);
    },
    query: auditReader(db).query,
    list(options = {}) {
      const rows = list.all(
        options.before ?? Number.MAX_SAFE_INTEGER,
        Math.min(options.limit ?? 100, 10_000),
      );
      return rows.map(toEntry);
    },
  };
}

interface AuditRow {
  at: number;
  user: string;
  role: string;
  via: string;
  method: string;
  params: string;
  ok: number;
  error_code: string | null;
  client: string | null;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    at: r.at,
    caller: {
      user: r.user,
      role: r.role as AuditEntry['caller']['role'],
      via: r.via as AuditEntry['caller']['via'],
      ...(r.client ? { client: r.client } : {}),
    },
    method: r.method as AuditEntry['method'],
    params: JSON.parse(r.params) as unknown,
    ok: r.ok === 1,
    ...(r.error_code ? { errorCode: r.error_code } : {}),
  };
}

function parseObject(raw: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseTheme(raw: string | undefined): Settings['theme'] | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return v === 'light' || v === 'dark' || v === 'system' ? v : undefined;
  } catch {
    return undefined;
  }
}

interface ComposeProjectRow {
  name: string;
  source: string;
  services: number;
  opened_at: number;
}

function composeProjectsStore(db: Database.Database): ComposeProjectsStore {
  const all = db.prepare<[], ComposeProjectRow>('SELECT * FROM compose_projects ORDER BY name');
  const one = db.prepare<[string], ComposeProjectRow>('SELECT * FROM compose_projects WHERE name = ?');
  const put = db.prepare(
    'INSERT INTO compose_projects (name, source, services, opened_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT(name) DO UPDATE SET source = excluded.source, services = excluded.services, opened_at = excluded.opened_at',
  );
  const del = db.prepare('DELETE FROM compose_projects WHERE name = ?');
  const toProject = (r: ComposeProjectRow): StoredComposeProject => ({
    name: r.name,
    source: JSON.parse(r.source) as ComposeSource,
    services: r.services,
    openedAt: r.opened_at,
  });
  return {
    list: () => all.all().map(toProject),
    get: (name) => {
      const row = one.get(name);
      return row ? toProject(row) : undefined;
    },
    put: (p) => void put.run(p.name, JSON.stringify(p.source), p.services, p.openedAt),
    remove: (name) => void del.run(name),
  };
}
