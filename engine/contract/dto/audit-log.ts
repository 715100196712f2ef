import type { Role } from '../roles';

/** One stored line of the audit log, as `audit.list` returns it (parameters were redacted before storing). */
export interface AuditLogEntry {
  /** Increasing row number: the cursor for the next page. */
  id: number;
  /** Milliseconds since epoch. */
  at: number;
  /** The account (or 'local'); on a failed sign-in, the name that was tried. */
  user: string;
  /** 'anonymous': not signed in (a failed sign-in or setup, a refused API token). */
  role: Role | 'anonymous';
  via: 'ipc' | 'web' | 'cli';
  /**
   * The method called or the stream opened, e.g. 'containers.stop', 'containers.exec'; or a sign-in event of web
   * mode: 'auth.login', 'auth.logout', 'auth.setup', 'auth.token' (a refused API token).
   */
  method: string;
  params: unknown;
  ok: boolean;
  errorCode?: string;
  /** Web mode: the client's address (behind a trusted reverse proxy, the forwarding client's). */
  client?: string;
}

/** Which entries `audit.list` and `audit.export` return; every field narrows, none given means all. */
export interface AuditLogFilter {
  /** Exact account name. */
  user?: string;
  /** 'containers.' matches every containers method; a full name matches that one. */
  methodPrefix?: string;
  ok?: boolean;
  /** Inclusive bounds, milliseconds since epoch. */
  from?: number;
  to?: number;
}

export interface AuditLogPage {
  /** Newest first. */
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
}

export type AuditExportFormat = 'jsonl' | 'csv';
