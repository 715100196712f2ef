import type { Settings } from '../contract';
import type { AuditEntry } from '../host/dispatcher';

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
}

export interface Store {
  settings: SettingsStore;
  audit: AuditStore;
  close(): void;
}
