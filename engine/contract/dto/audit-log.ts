import type { Role } from '../roles';

/** One stored line of the audit log, as `audit.list` returns it (parameters were redacted before storing). */
export interface AuditLogEntry {
  /** Increasing row number: the cursor for the next page. */
  id: number;
  /** Milliseconds since epoch. */
  at: number;
  user: string;
  role: Role;
  via: 'ipc' | 'web' | 'cli';
  /** The method called or the stream opened, e.g. 'containers.stop', 'containers.exec'. */
  method: string;
  params: unknown;
  ok: boolean;
  errorCode?: string;
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
