import type { MethodName, Role, StreamName } from '../contract';

/** Who made a call: checked by the dispatcher's role rules and written to the audit log. */
export interface Caller {
  role: Role;
  /** Account name in web mode with accounts; 'local' for the desktop user. */
  user: string;
  via: 'ipc' | 'web' | 'cli';
  /** Web session id (public, not a credential): binds transfer tickets to the session that asked for them. */
  session?: string;
  /** The account id behind a web session or API token in accounts mode (ADR 18). */
  account?: string;
}

/**
 * One line of the audit log: every mutating call, successful or not, and every open of a mutating stream
 * (parameters as validated).
 */
export interface AuditEntry {
  at: number;
  caller: Caller;
  /** The method called, or the stream opened. */
  method: MethodName | StreamName;
  params: unknown;
  ok: boolean;
  errorCode?: string;
}
