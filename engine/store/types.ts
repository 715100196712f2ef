import type { ComposeSource, Role, Settings } from '../contract';
import type { AuditEntry } from '../base/audit';
import type { AuditLogEntry } from '../contract';
import type { AuditQuery } from './audit-query';
import type { LoginThrottleStore } from './login-throttle';

/** Settings persisted in Berth's embedded database (engine/store/sqlite.ts implements this). */
export interface SettingsStore {
  get(): Settings;
  /** Deep-merges the patch, writes it atomically and returns the new settings. */
  update(patch: { engine?: Partial<Settings['engine']>; theme?: Settings['theme'] }): Settings;
}

export interface AuditStore {
  append(entry: AuditEntry): void;
  /** Newest first. */
  list(options?: { limit?: number; before?: number }): AuditEntry[];
  /** Stored entries with their row ids, filtered, newest first (the audit log browser). */
  query(q: AuditQuery): AuditLogEntry[];
}

/** A compose project Berth opened from its files, remembered so it is listed before (and after) it runs. */
export interface StoredComposeProject {
  name: string;
  source: ComposeSource;
  /** Services of the model when it was last loaded. */
  services: number;
  openedAt: number;
}

export interface ComposeProjectsStore {
  list(): StoredComposeProject[];
  get(name: string): StoredComposeProject | undefined;
  /** Inserts or replaces by name. */
  put(project: StoredComposeProject): void;
  remove(name: string): void;
}

/** A registry the user added; `secret` is the password sealed by the backend's SecretBox, never plain text. */
export interface StoredRegistry {
  id: string;
  name: string;
  /** https://host[:port] or, when the user allowed plain HTTP, http://host[:port]. */
  url: string;
  insecure: boolean;
  /** PEM of a private CA for this registry. */
  ca?: string;
  username?: string;
  secret?: string;
  createdAt: number;
}

export interface RegistriesStore {
  list(): StoredRegistry[];
  get(id: string): StoredRegistry | undefined;
  /** Inserts or replaces by id; a second registry with the same URL is refused by the database (UNIQUE). */
  put(registry: StoredRegistry): void;
  remove(id: string): void;
}

export interface Store {
  settings: SettingsStore;
  audit: AuditStore;
  /** Absent in stores made for tests that are not about compose; the compose service then keeps them in memory. */
  composeProjects?: ComposeProjectsStore;
  registries: RegistriesStore;
  /** Web-mode accounts and their API tokens. */
  accounts: AccountsStore;
  close(): void;
}

/** A web-mode account (docs/adr/0018-accounts-and-roles.md). The password hash never leaves the store's callers. */
export interface StoredAccount {
  id: string;
  username: string;
  role: Role;
  createdAt: number;
  lastLoginAt?: number;
  disabled: boolean;
}

/** An API token for scripts: only its SHA-256 is stored (it is 256 random bits, so a slow hash adds nothing). */
export interface StoredApiToken {
  id: string;
  accountId: string;
  name: string;
  createdAt: number;
  expiresAt?: number;
  lastUsedAt?: number;
}

/** What ended an account's sessions: its role changed, it was disabled or removed, or its password was set. */
export interface AccountChange {
  account: StoredAccount;
  kind: 'role' | 'disabled' | 'removed' | 'password';
  /** A session to keep (the one that changed its own password). */
  keepSession?: string;
}

export interface AccountsStore {
  count(): number;
  list(): StoredAccount[];
  get(id: string): StoredAccount | undefined;
  /** Case-insensitive; with the password hash, for a sign-in. */
  byUsername(username: string): (StoredAccount & { passwordHash: string }) | undefined;
  passwordHash(id: string): string | undefined;
  /** Inserts; a taken username (any case) throws CONFLICT. */
  create(account: StoredAccount, passwordHash: string): StoredAccount;
  /** Inserts only while there is no account at all (one statement, so two first-run setups cannot both win). */
  createFirst(account: StoredAccount, passwordHash: string): boolean;
  update(
    id: string,
    patch: { role?: Role; disabled?: boolean; passwordHash?: string },
    keepSession?: string,
  ): StoredAccount | undefined;
  recordLogin(id: string, at: number): void;
  remove(id: string): boolean;
  /** Active admins other than `exceptId`: the last one may not be demoted, disabled or removed. */
  otherActiveAdmins(exceptId: string): number;
  tokens: {
    list(accountId: string): StoredApiToken[];
    create(token: StoredApiToken, hash: string): void;
    byHash(hash: string): StoredApiToken | undefined;
    revoke(accountId: string, id: string): boolean;
    touch(id: string, at: number): void;
  };
  /** The sign-in throttle's lockouts, kept across restarts (absent: in memory only). */
  throttle?: LoginThrottleStore;
  /** Told after a change that must end the account's sessions; returns the unsubscriber. */
  onChange(listener: (change: AccountChange) => void): () => void;
}
