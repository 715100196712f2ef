/** The result of one engine check. `unknown`: Berth cannot tell from what it can see (said in `why`). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export type CheckSeverity = 'high' | 'medium' | 'low' | 'info';

/** A CIS Docker Benchmark recommendation a check follows. */
export interface BenchmarkRef {
  id: string;
  /** e.g. "CIS Docker Benchmark v1.6.0". */
  version: string;
}

export interface EngineCheck {
  /** Stable id, e.g. 'engine.tcp-without-tls'. */
  id: string;
  title: string;
  benchmark?: BenchmarkRef;
  status: CheckStatus;
  /** How much a failure matters. */
  severity: CheckSeverity;
  /** What Berth found and why it matters. */
  why: string;
  /** What to do about it; absent when there is nothing to do. */
  fix?: string;
}

/** Engine-wide security checks, from GET /info, /version, the default bridge and how Berth connects. */
export interface EngineChecks {
  /** The endpoint the checks are about, e.g. unix:///var/run/docker.sock. */
  endpoint: string;
  /** True when the engine runs on this machine, so host-side facts (filesystems) could be read. */
  local: boolean;
  checkedAt: number;
  checks: EngineCheck[];
}
