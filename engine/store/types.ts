import type { ComposeSource, Settings } from '../contract';
import type { AuditEntry } from '../base/audit';
import type { AuditLogEntry } from '../contract';
import type { AuditQuery } from './audit-query';

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
  close(): void;
}
