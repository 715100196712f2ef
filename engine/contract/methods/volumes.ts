import { z } from 'zod';
import type {
  FileListing,
  FilePreview,
  TaskRef,
  TransferTicket,
  VolumeBackupFile,
  VolumeDetails,
  VolumePrunePreview,
  VolumeRestorePlan,
  VolumePruneResult,
  VolumeSummary,
} from '../dto';
import { fileName } from './container-details';
import { def, none } from './define';

/** The engine's own rule for volume names (daemon/names: [a-zA-Z0-9][a-zA-Z0-9_.-]+), at least 2 characters. */
export const volumeName = z
  .string()
  .min(2, 'A volume name needs at least 2 characters')
  .max(255, 'A volume name can have at most 255 characters')
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/,
    'Use letters, digits, "_", "." and "-", starting with a letter or digit',
  );

const labelMap = z.record(z.string().min(1).max(1024), z.string().max(4096));

/**
 * A path inside a volume, '/'-separated; '' or '/' is the root. Absolute-looking input is read relative to the
 * volume; '..' segments are refused here (the service checks again after normalising).
 */
export const volumePath = z
  .string()
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL characters')
  .refine((p) => !p.split('/').includes('..'), 'A path inside a volume cannot contain ".." segments');

const byName = z.object({ name: volumeName }).strict();
const pruneScope = z.object({ scope: z.enum(['anonymous', 'all']).default('anonymous') }).strict();

const backupFile = z
  .string()
  .max(300)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*\.tar\.gz$/, 'Not a backup file name');

export const volumesMethods = {
  'volumes.list': def<VolumeSummary[]>()(none, 'read'),
  /**
   * Asks for fresh sizes (the list shows the last disk-usage read); changed sizes arrive as 'volumes.changed'
   * patches. At most one read per 10 s, however often it is asked.
   */
  'volumes.refreshSizes': def<void>()(none, 'read'),
  'volumes.inspect': def<VolumeDetails>()(byName, 'read'),
  'volumes.create': def<VolumeSummary>()(
    z
      .object({
        /** Empty: the engine picks a random (anonymous-looking) name. */
        name: volumeName.optional(),
        driver: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'Not a valid driver name')
          .default('local'),
        driverOpts: labelMap.default({}),
        labels: labelMap.default({}),
      })
      .strict(),
    'operate',
  ),
  'volumes.remove': def<void>()(
    z.object({ name: volumeName, force: z.boolean().optional() }).strict(),
    'operate',
  ),
  'volumes.prunePreview': def<VolumePrunePreview>()(pruneScope, 'read'),
  'volumes.prune': def<VolumePruneResult>()(pruneScope, 'operate'),
  /** Lists one directory of a volume without starting anything (a created, never-started helper container). */
  'volumes.files.list': def<FileListing>()(
    z.object({ name: volumeName, path: volumePath.default('') }).strict(),
    'operate',
    { mutates: false },
  ),
  /** A download link: a file as itself, a directory as .tar.gz. */
  'volumes.files.download': def<TransferTicket>()(
    z.object({ name: volumeName, path: volumePath.default('') }).strict(),
    'operate',
    { mutates: false },
  ),
  /** The first 256 KiB of a file as text (or that it is binary), for a read-only preview. */
  'volumes.files.preview': def<FilePreview>()(
    z.object({ name: volumeName, path: volumePath }).strict(),
    'operate',
    { mutates: false },
  ),
  /** An upload link: its body (one file's bytes) becomes `dir/fileName` in the volume. */
  'volumes.files.upload': def<TransferTicket>()(
    z
      .object({
        name: volumeName,
        dir: volumePath.default(''),
        fileName,
      })
      .strict(),
    'operate',
  ),
  /** Starts a task that writes the volume's files to a .tar.gz under Berth's backups folder. */
  'volumes.backup': def<TaskRef>()(byName, 'operate'),
  /** A fresh download link for a backup file made earlier (its task result names it). */
  'volumes.backupDownload': def<TransferTicket>()(z.object({ file: backupFile }).strict(), 'operate', { mutates: false }),
  /** The backups Berth keeps (newest first), to restore or download without a round trip through the browser. */
  'volumes.backups.list': def<VolumeBackupFile[]>()(none, 'read'),
  'volumes.backups.remove': def<void>()(z.object({ file: backupFile }).strict(), 'operate'),
  /** What restoring into this volume would do now (create, fill, replace, or merge while containers use it). */
  'volumes.restorePlan': def<VolumeRestorePlan>()(byName, 'read'),
  /** Restores a backup Berth keeps into a volume, as a task (the same checks as an upload). */
  'volumes.restoreBackup': def<TaskRef>()(
    z.object({ name: volumeName, file: backupFile, create: z.boolean().default(false), overwrite: z.boolean().default(false) }).strict(),
    'operate',
  ),
  /**
   * An upload link for a .tar.gz (or .tar) to restore into the volume. The upload's answer is a
   * VolumeRestoreResult; progress shows as a task.
   */
  'volumes.restoreUpload': def<TransferTicket>()(
    z
      .object({
        name: volumeName,
        /** Create the volume when it does not exist. */
        create: z.boolean().default(false),
        /** Replace the contents of a volume that is not empty (otherwise such a restore is refused). */
        overwrite: z.boolean().default(false),
        /** Size of the file to upload, when known, for the progress bar. */
        size: z.number().int().min(0).optional(),
      })
      .strict(),
    'operate',
  ),
} as const;
