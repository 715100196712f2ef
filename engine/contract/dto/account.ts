import type { Role } from '../roles';

/** A web-mode account as admins see it (docs/adr/0018-accounts-and-roles.md). No password material. */
export interface AccountInfo {
  id: string;
  username: string;
  role: Role;
  createdAt: number;
  lastLoginAt?: number;
  disabled: boolean;
}

/** An API token's metadata; its value is shown once, when it is created. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: number;
  expiresAt?: number;
  lastUsedAt?: number;
}

export interface ApiTokenCreated {
  token: ApiTokenInfo;
  /** The secret, sent as the x-berth-token header. Shown once; only its hash is kept. */
  value: string;
}

/** Who the caller is: an account in accounts mode, else the local user (no password, no tokens). */
export interface SessionInfo {
  user: string;
  role: Role;
  account?: AccountInfo;
}

/** GET HTTP_PATHS.auth (public): how this server signs people in. */
export interface AuthMode {
  mode: 'single-user' | 'accounts';
  /** Accounts mode with no account yet: the first admin is made with the setup token printed on the console. */
  setupRequired: boolean;
}
