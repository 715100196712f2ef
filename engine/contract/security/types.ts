import type { ContainerChanges } from '../methods/container-spec';

// The security lens's rules run on one normalized container config, built from Engine inspect data, from
// Berth's create spec (run dialog) or from a compose service (app builder), so one rule set serves all three.

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** The benchmark every rule derives from; stored with each rule so a finding names the exact edition. */
export const CIS_DOCKER = 'CIS Docker Benchmark v1.6.0';

export interface AuditMount {
  type: string;
  /** Host path (bind), volume name, '' for tmpfs or an anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface AuditPort {
  /** '' = every address (0.0.0.0 and ::). */
  hostIp: string;
  hostPort?: number | undefined;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/**
 * What the rules read. `undefined` means "not known from this source" (e.g. a create spec without a user takes
 * the image's user): rules stay silent on what they cannot know rather than guess.
 */
export interface AuditInput {
  privileged: boolean;
  /** 'host', 'bridge', 'none', 'container:<id>', or a network name. */
  networkMode?: string | undefined;
  pidMode?: string | undefined;
  ipcMode?: string | undefined;
  utsMode?: string | undefined;
  mounts: AuditMount[];
  capAdd: string[];
  capDrop: string[];
  /** As docker takes them: `seccomp=unconfined`, `apparmor=unconfined`, `no-new-privileges`, ... */
  securityOpt: string[];
  /** True when the engine reports the container's AppArmor profile as unconfined. */
  appArmorUnconfined?: boolean | undefined;
  /** Bytes; 0 = no limit. */
  memory?: number | undefined;
  /** CPUs (NanoCpus / 1e9, or quota / period); 0 = no limit. */
  cpus?: number | undefined;
  /** 0 or negative = no limit. */
  pidsLimit?: number | undefined;
  /** '' = the engine's default (root). */
  user?: string | undefined;
  /** 'set', 'none' (no healthcheck anywhere), 'disabled' (["NONE"]). */
  healthcheck?: 'set' | 'none' | 'disabled' | undefined;
  readOnlyRootfs?: boolean | undefined;
  ports: AuditPort[];
  restartPolicy?: { name: string; maximumRetryCount?: number | undefined } | undefined;
  /** Host device paths mapped into the container. */
  devices: string[];
  /** Containers Berth must not recreate itself: a swarm task (its service owns it) or an auto-removing one. */
  managedBySwarm?: boolean | undefined;
  autoRemove?: boolean | undefined;
}

/** Facts about the engine some rules need. */
export interface AuditContext {
  /** The engine's data root (DockerRootDir), a sensitive host path. */
  dataRoot?: string | undefined;
}

/**
 * The one-click "recreate with the fix": the changes for `containers.recreate`, or a limit the user picks first
 * (`field`, with a suggested value). `confirm` is what the user must accept before it runs.
 */
export type Remedy =
  | { label: string; changes: ContainerChanges; confirm?: string | undefined }
  | { label: string; field: 'memory' | 'cpus' | 'pidsLimit'; suggested: number; confirm?: string | undefined };

export interface Finding {
  ruleId: string;
  benchmark: string;
  benchmarkId: string;
  severity: Severity;
  title: string;
  /** What is wrong on this container, in plain words; never a secret (no environment values). */
  message: string;
  why: string;
  fix: string;
  /** Present when Berth can recreate the container with the fix safely. */
  remedy?: Remedy | undefined;
}

export interface SecurityRule {
  /** Stable: scripts match on it (`berth audit --json`). */
  id: string;
  benchmark: string;
  /** The benchmark's recommendation number. */
  benchmarkId: string;
  /** True when the rule is looser or stricter than the recommendation it derives from. */
  derived: boolean;
  severity: Severity;
  title: string;
  why: string;
  fix: string;
  /** Whether Berth offers a one-click recreate for it (when the container allows one). */
  oneClick: boolean;
  /**
   * 'setting': fires on something the user asked for (privileged, a host path, ...), a warning before deploying;
   * 'missing': fires on hardening left out (a limit, a healthcheck), a suggestion.
   */
  kind: 'setting' | 'missing';
  /** The finding for this input, or undefined when the rule is satisfied or cannot tell. */
  check(input: AuditInput, ctx: AuditContext): RuleHit | undefined;
}

/** What a rule says about one container: the message, a lower severity than the rule's if milder, a remedy. */
export interface RuleHit {
  message: string;
  severity?: Severity | undefined;
  remedy?: Remedy | undefined;
}
