import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type Dockerode from 'dockerode';
import { ErrorCode, formatBytes, type TransferTicket, type VolumeBackupResult } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { archivePath, withHelper } from './helper';

export interface BackupDeps {
  docker: () => Dockerode;
  tasks: TaskManager;
  transfers: TransferRegistry;
  dataDir: string;
  /** Told when a restore has written into a volume (its size is read again). */
  written?: () => void;
}

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** "data-2025-01-31T10-22-03.tar.gz": sortable, and safe in every file system. */
const backupName = (volume: string, at = new Date()) =>
  `${volume}-${at.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-')}.tar.gz`;

/** Counts bytes going through and reports them (the task coalesces the updates). */
export function byteCounter(onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
}

export function reportBytes(t: TaskContext, message: string, current: number, total?: number): void {
  const known = total !== undefined && total > 0;
  t.progress({
    message,
    progress: {
      current,
      unit: 'bytes',
      ...(known ? { total, fraction: Math.min(current / total, 0.99) } : {}),
    },
  });
}

/**
 * volumes.backup: streams the volume's archive (read through a never-started helper container) through gzip
 * into Berth's backups folder. Cancelling aborts the read and deletes the partial file; the helper is always
 * removed. The result carries a download ticket for the file.
 */
export function startBackup(deps: BackupDeps, volume: string, knownSize: number | undefined): string {
  return deps.tasks.start<VolumeBackupResult>({
    kind: 'volumes.backup',
    title: `Back up volume ${volume}`,
    run: async (t) => {
      const dir = backupsDir(deps.dataDir);
      await mkdir(dir, { recursive: true });
      const file = backupName(volume);
      const partial = join(dir, `.${file}.partial`);
      reportBytes(t, 'Preparing…', 0, knownSize);
      try {
        await withHelper(deps.docker(), volume, { readOnly: true, purpose: 'backup' }, async (helper) => {
          let source: Readable;
          try {
            source = (await helper.container.getArchive({ path: archivePath(''), abortSignal: t.signal })) as Readable;
          } catch (err) {
            throw mapDockerError(err, { action: 'read', object: `volume ${volume}` });
          }
          const counter = byteCounter((n) => reportBytes(t, `Read ${formatBytes(n)}`, n, knownSize));
          await pipeline(source, counter, createGzip(), createWriteStream(partial), { signal: t.signal });
        });
        await rename(partial, join(dir, file));
      } catch (err) {
        await rm(partial, { force: true });
        if (t.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'The backup was cancelled; nothing was kept.');
        throw err;
      }
      const bytes = (await stat(join(dir, file))).size;
      t.progress({ message: `Saved ${file} (${formatBytes(bytes)})` });
      return { volume, file, bytes, download: backupTicket(deps.transfers, dir, file) };
    },
  });
}

function backupTicket(transfers: TransferRegistry, dir: string, file: string): TransferTicket {
  return transfers.download({
    filename: file,
    contentType: 'application/gzip',
    open: () => Promise.resolve(createReadStream(join(dir, file))),
  });
}

/** A fresh download link for a backup file made earlier. */
export async function backupDownload(deps: Pick<BackupDeps, 'transfers' | 'dataDir'>, file: string): Promise<TransferTicket> {
  const dir = backupsDir(deps.dataDir);
  const found = await stat(join(dir, file)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!found) {
    throw new BerthError(ErrorCode.NOT_FOUND, `There is no backup named ${file}; it may have been deleted. Make a new backup.`);
  }
  return backupTicket(deps.transfers, dir, file);
}

