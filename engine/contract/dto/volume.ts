import type { TransferTicket } from './transfer';

/** One row of the volumes list: GET /volumes joined with sizes from GET /system/df and the containers using it. */
export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  /** 'local' or 'global' (cluster-wide drivers). */
  scope: string;
  labels: Record<string, string>;
  /** Milliseconds since epoch, when the engine reports it. */
  created?: number;
  /** Bytes on disk from the engine's disk-usage report; absent when unknown (not yet measured, remote drivers). */
  size?: number;
  /** Containers (any state) that mount this volume; from the disk-usage report or the containers list. */
  refCount: number;
  /** Names of the containers that mount it. */
  usedBy: string[];
  /** From the com.docker.compose.project label. */
  composeProject?: string;
  /** Made by the engine for a container (a 64-hex name or the engine's anonymous label), not named by a person. */
  anonymous: boolean;
}

export interface VolumeDetails extends VolumeSummary {
  /** Driver options (e.g. type/device/o for local NFS or bind volumes). */
  options: Record<string, string>;
  /** Driver-specific status, when the driver reports one. */
  status?: Record<string, unknown>;
}

/** Which unused volumes a prune removes: only anonymous ones (the safe default) or every unused one. */
export type VolumePruneScope = 'anonymous' | 'all';

export interface VolumePrunePreview {
  scope: VolumePruneScope;
  volumes: { name: string; size?: number; anonymous: boolean }[];
  /** Sum of the known sizes. */
  reclaimableBytes: number;
}

export interface VolumePruneResult {
  removed: string[];
  /** Volumes that could not be removed (e.g. a container started using them meanwhile), with the reason. */
  failed: { name: string; message: string }[];
  reclaimedBytes: number;
}

/** What volumes.backup's task produces. */
export interface VolumeBackupResult {
  volume: string;
  /** File name under Berth's backups folder; volumes.backupDownload gives a fresh link to it. */
  file: string;
  /** Size of the .tar.gz in bytes. */
  bytes: number;
  download: TransferTicket;
}

/** What a restore upload answers once the archive is in the volume. */
/** What a restore into a volume would do, said before the user restores. */
export interface VolumeRestorePlan {
  volume: string;
  state: 'missing' | 'empty' | 'filled';
  /** Containers (names) that use the volume: while any does, an overwrite merges instead of replacing. */
  usedBy: string[];
  /** What a restore (with create/overwrite allowed) would do now: the same value its result reports. */
  mode: VolumeRestoreResult['mode'];
}

/** A backup file in Berth's backups folder. */
export interface VolumeBackupFile {
  file: string;
  /** The volume it was made from (from the file name). */
  volume: string;
  bytes: number;
  /** Milliseconds since epoch. */
  createdAt: number;
}

export interface VolumeRestoreResult {
  volume: string;
  /** 'replaced': the volume was emptied first; 'merged': files were written over what was there. */
  mode: 'created' | 'replaced' | 'merged' | 'filled';
  entries: number;
  bytes: number;
}
