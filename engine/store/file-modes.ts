import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Berth's data dir holds the database (registry secrets, audit log) and volume backups (whole volumes'
 * files). A folder that existed before Berth, or files created under a permissive umask, would leave them
 * readable by other local users, so every start re-applies the modes: the data dir and backups/ 0700,
 * berth.db (with its WAL files) and every backup 0600. Symlinks are not followed. No-op on Windows.
 */
export function enforceDataDirModes(dataDir: string, databaseFile: string): void {
  if (process.platform === 'win32') return;
  chmodSync(dataDir, 0o700);
  for (const suffix of ['', '-wal', '-shm']) tighten(join(dataDir, `${databaseFile}${suffix}`), 0o600);
  const backups = join(dataDir, 'backups');
  if (!tighten(backups, 0o700)) return;
  for (const name of readdirSync(backups)) tighten(join(backups, name), 0o600);
}

/** chmod unless missing or a symlink; returns whether the path is a real file or folder. */
function tighten(path: string, mode: number): boolean {
  if (!existsSync(path)) return false;
  const info = lstatSync(path);
  if (info.isSymbolicLink()) return false;
  if ((info.mode & 0o777) !== mode) chmodSync(path, mode);
  return true;
}
