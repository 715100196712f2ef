import type { VolumePruneScope } from './volume';

export interface DiskUsageCategory {
  /** How many objects. */
  count: number;
  /** Of those, how many are in use (images used by a container, running containers, mounted volumes). */
  active: number;
  /** Bytes on disk. */
  totalBytes: number;
  /** Bytes not in use, which a prune with every option on could free (what `docker system df` calls reclaimable). */
  reclaimableBytes: number;
  /**
   * Bytes the default clean-up (DEFAULT_CLEANUP: untagged images, stopped containers, build cache; no volumes)
   * frees: the same figure the clean-up preview shows for those options.
   */
  cleanupBytes: number;
}

/** GET /system/df summed up per kind, computed as the docker CLI's `docker system df` does. */
export interface DiskUsage {
  images: DiskUsageCategory;
  containers: DiskUsageCategory;
  volumes: DiskUsageCategory;
  buildCache: DiskUsageCategory;
}

export interface SystemPruneOptions {
  /** false: only dangling (untagged) images; true: every image no container uses. */
  allImages: boolean;
  /** Unused volumes are kept unless asked for: their data is often the point. */
  volumes: 'none' | VolumePruneScope;
  buildCache: boolean;
}

/** What the clean-up dialog starts with, and what DiskUsageCategory.cleanupBytes is computed for. */
export const DEFAULT_CLEANUP: Readonly<SystemPruneOptions> = { allImages: false, volumes: 'none', buildCache: true };

export interface PruneItem {
  id: string;
  name: string;
  /** Bytes, when known. */
  size?: number;
  /** e.g. "Exited (0) 2 hours ago", "untagged", "bridge". */
  detail?: string;
}

export type PruneKind = 'containers' | 'images' | 'networks' | 'volumes' | 'buildCache';

export interface SystemPrunePreview {
  options: SystemPruneOptions;
  containers: PruneItem[];
  images: PruneItem[];
  networks: PruneItem[];
  volumes: PruneItem[];
  buildCache: PruneItem[];
  /** Per kind and in total: what the prune gives back (images share layers, so theirs is an estimate). */
  reclaimableBytes: Record<PruneKind, number> & { total: number };
}

/** The result of the system.prune task. */
export interface SystemPruneResult {
  removed: Record<PruneKind, string[]>;
  reclaimedBytes: Record<PruneKind, number> & { total: number };
  failed: { kind: PruneKind; name: string; message: string }[];
}

export interface SecurityFacts {
  rootless: boolean;
  userns: boolean;
  seccomp?: string;
  apparmor: boolean;
  selinux: boolean;
  /** The raw list, e.g. ["name=seccomp,profile=default", "name=rootless"]. */
  raw: string[];
}

/** Facts about the engine (GET /info + GET /version), grouped for the engine info panel. */
export interface SystemInfo {
  name: string;
  id: string;
  version: string;
  apiVersion: string;
  minApiVersion?: string;
  gitCommit?: string;
  goVersion?: string;
  os: string;
  osType: string;
  kernelVersion: string;
  architecture: string;
  cpus: number;
  memoryBytes: number;
  storageDriver: string;
  /** e.g. [["Backing Filesystem", "extfs"], ["Supports d_type", "true"]]. */
  storageStatus: [string, string][];
  loggingDriver: string;
  cgroupDriver: string;
  cgroupVersion: string;
  security: SecurityFacts;
  defaultRuntime: string;
  runtimes: string[];
  registryMirrors: string[];
  insecureRegistries: string[];
  swarm: { state: string; nodeId?: string; managers?: number; nodes?: number; controlAvailable: boolean };
  dataRoot: string;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  experimental: boolean;
  /** dockerd runs with -D/--debug (absent when the engine does not say). */
  debug?: boolean;
  liveRestore: boolean;
  warnings: string[];
}
