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
  /** Web mode: the client's address (the socket peer, or the forwarding client behind a trusted proxy). */
  client?: string;
}

/**
 * What the web host writes about signing in (ADR 18, "Sign-in audit and proxies"): these are not contract
 * methods, they share the log so the Activity page, its filters and the export show them with everything else.
 */
export type AuthAction = 'auth.login' | 'auth.logout' | 'auth.setup' | 'auth.token';

/** Who is named on an entry: a caller, or someone not signed in (a failed sign-in names the attempted user). */
export type AuditActor = Pick<Caller, 'user' | 'via' | 'client'> & { role: Role | 'anonymous' };

/**
 * One line of the audit log: every mutating call, successful or not, every open of a mutating stream
 * (parameters as validated), and sign-in events.
 */
export interface AuditEntry {
  at: number;
  caller: AuditActor;
  /** The method called, the stream opened, or the sign-in event. */
  method: MethodName | StreamName | AuthAction;
  params: unknown;
  ok: boolean;
  errorCode?: string;
}
