import type { MethodName, Role } from '../contract';

/** Who made a call: checked by the dispatcher's role rules and written to the audit log. */
export interface Caller {
  role: Role;
  /** Account name in web mode with accounts; 'local' for the desktop user. */
  user: string;
  via: 'ipc' | 'web' | 'cli';
}

/** One line of the audit log: every mutating call, successful or not (parameters as validated). */
export interface AuditEntry {
  at: number;
  caller: Caller;
  method: MethodName;
  params: unknown;
  ok: boolean;
  errorCode?: string;
}
