import type Database from 'better-sqlite3';
import type { AuditLogEntry, AuditLogFilter } from '../contract';

interface AuditRow {
  id: number;
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

export interface AuditQuery extends AuditLogFilter {
  /** Only entries with a smaller id (the cursor of the next page). */
  before?: number;
  limit?: number;
}

/**
 * Reads the audit table, newest first, filtered in SQL (the table may hold 100,000 rows). Parameters are bound,
 * never spliced; a method prefix is matched with LIKE, its wildcards escaped.
 */
export function auditReader(db: Database.Database) {
  const select = (q: AuditQuery) => {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, arg: string | number) => {
      where.push(clause);
      args.push(arg);
    };
    if (q.user !== undefined) add('user = ?', q.user);
    if (q.methodPrefix !== undefined)
      add("method LIKE ? ESCAPE '\\'", `${q.methodPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.ok !== undefined) add('ok = ?', q.ok ? 1 : 0);
    if (q.from !== undefined) add('at >= ?', q.from);
    if (q.to !== undefined) add('at <= ?', q.to);
    if (q.before !== undefined) add('id < ?', q.before);
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC`;
    if (q.limit === undefined) return { sql, args };
    return { sql: `${sql} LIMIT ?`, args: [...args, Math.floor(q.limit)] };
  };
  return {
    query: (q: AuditQuery): AuditLogEntry[] => {
      const { sql, args } = select(q);
      return db.prepare<(string | number)[], AuditRow>(sql).all(...args).map(toLogEntry);
    },
  };
}

function toLogEntry(r: AuditRow): AuditLogEntry {
  return {
    id: r.id,
    at: r.at,
    user: r.user,
    role: r.role as AuditLogEntry['role'],
    via: r.via as AuditLogEntry['via'],
    method: r.method,
    params: JSON.parse(r.params) as unknown,
    ok: r.ok === 1,
    ...(r.error_code ? { errorCode: r.error_code } : {}),
    ...(r.client ? { client: r.client } : {}),
  };
}
