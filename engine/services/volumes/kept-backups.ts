import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { ErrorCode, type VolumeBackupFile, type VolumeRestorePlan, type VolumeRestoreResult } from '../../contract';
import { BerthError } from '../../base/errors';
import { mapDockerError } from '../../docker/errors';
import { backupsDir, type BackupDeps } from './backup';
import { refuse, restore, volumeState, type RestoreOptions } from './restore';

/** "data-2025-01-31T10-22-03.tar.gz" → volume "data", made at that time (UTC). */
const NAME = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.tar\.gz$/;

export function parseBackupName(file: string): { volume: string; createdAt: number } | undefined {
  const m = NAME.exec(file);
  if (!m) return undefined;
  const at = Date.parse(`${m[2]}T${m[3]}:${m[4]}:${m[5]}Z`);
  return Number.isNaN(at) ? undefined : { volume: m[1] ?? '', createdAt: at };
}

/** The backups in Berth's folder, newest first (partial files and anything else are not listed). */
export async function listBackups(dataDir: string): Promise<VolumeBackupFile[]> {
  const dir = backupsDir(dataDir);
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const files: VolumeBackupFile[] = [];
  for (const file of names) {
    const parsed = parseBackupName(file);
    if (!parsed) continue;
    const info = await stat(join(dir, file)).catch(() => undefined);
    if (info?.isFile()) files.push({ file, volume: parsed.volume, bytes: info.size, createdAt: parsed.createdAt });
  }
  return files.sort((a, b) => b.createdAt - a.createdAt || a.file.localeCompare(b.file));
}

async function keptFile(dataDir: string, file: string): Promise<{ path: string; size: number }> {
  const path = join(backupsDir(dataDir), file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new BerthError(ErrorCode.NOT_FOUND, `There is no backup named ${file}; it may have been deleted.`);
  }
  return { path, size: info.size };
}

export async function removeBackup(dataDir: string, file: string): Promise<void> {
  await rm((await keptFile(dataDir, file)).path);
}

/**
 * What a restore would do to the volume now. A volume no container uses is emptied and refilled, so it ends up
 * exactly as the backup; while a container uses it, the files are written over the current ones and files that
 * are not in the backup stay (the engine cannot swap a volume under a container).
 */
export async function restorePlan(docker: Dockerode, name: string): Promise<VolumeRestorePlan> {
  const state = await volumeState(docker, name);
  const users =
    state === 'missing'
      ? []
      : await docker.listContainers({ all: true, filters: { volume: [name] } }).catch((err: unknown) => {
          throw mapDockerError(err, { action: 'list', object: 'containers' });
        });
  const usedBy = users.map((c) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''));
  const mode: VolumeRestoreResult['mode'] =
    state === 'missing' ? 'created' : state === 'empty' ? 'filled' : usedBy.length > 0 ? 'merged' : 'replaced';
  return { volume: name, state, usedBy, mode };
}

/** volumes.restoreBackup: the checks of an upload, then the same restore task reading the kept file. */
export async function startRestoreFromBackup(
  deps: BackupDeps,
  options: Omit<RestoreOptions, 'size'>,
  file: string,
): Promise<string> {
  const kept = await keptFile(deps.dataDir, file);
  refuse(options.name, await volumeState(deps.docker(), options.name), { ...options, size: kept.size });
  return deps.tasks.start<VolumeRestoreResult>({
    kind: 'volumes.restore',
    title: `Restore ${file} into volume ${options.name}`,
    run: (t) => restore(deps, { ...options, size: kept.size }, createReadStream(kept.path), t),
  });
}
