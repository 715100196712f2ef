import type { Finding, Severity } from '../security/types';

export type { Finding, Remedy, Severity } from '../security/types';

/** One container's findings (key: container ID), pushed as `security.changed`. */
export interface ContainerAudit {
  id: string;
  name: string;
  image: string;
  state: string;
  /** com.docker.compose.project / .service labels. */
  project?: string | undefined;
  service?: string | undefined;
  /** com.docker.swarm.service.name: a swarm task's service. */
  swarmService?: string | undefined;
  findings: Finding[];
}

export interface SeverityCounts {
  containers: number;
  bySeverity: Record<Severity, number>;
}

export interface SecuritySummary {
  containers: number;
  /** Containers with at least one finding. */
  affected: number;
  bySeverity: Record<Severity, number>;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Per compose project and per swarm service. */
  projects: Record<string, SeverityCounts>;
  services: Record<string, SeverityCounts>;
}

/** One line of `berth audit --json`: stable field names and order. */
export interface AuditRecord {
  container: string;
  name: string;
  ruleId: string;
  benchmark: string;
  benchmarkId: string;
  severity: Severity;
  message: string;
  fix: string;
}

/** What a deep scan of an image's filesystem found (kept by the backend for its engine connection). */
export interface ImageDeepScan {
  scannedAt: number;
  /** setuid/setgid regular files, capped (`total` says how many there were). */
  files: { path: string; mode: number }[];
  total: number;
  /** Entries read from the image's filesystem. */
  entries: number;
}

/** One image's findings (key: image ID), pushed as `security.images.changed`. */
export interface ImageAudit {
  id: string;
  /** repo:tag names ([] for a dangling image). */
  tags: string[];
  findings: Finding[];
  /** Present once the image was deep-scanned (security.scanImage); its setuid finding is among `findings`. */
  deepScan?: ImageDeepScan | undefined;
}

/** One line of `berth audit --images --json`: stable field names and order. */
export interface ImageAuditRecord {
  image: string;
  tags: string[];
  ruleId: string;
  benchmark: string;
  benchmarkId: string;
  severity: Severity;
  message: string;
  fix: string;
}
