/** Where an engine endpoint came from, in discovery order. */
export type EngineSource =
  'settings' | 'flag' | 'docker-host' | 'docker-context' | 'default-socket' | 'podman-socket' | 'embedded';

/** An engine Berth could connect to. `endpoint` is a Docker-style URL: unix:///path, tcp://host:port, ssh://user@host, npipe:////./pipe/x. */
export interface EngineCandidate {
  id: string;
  source: EngineSource;
  /** Human label, e.g. "DOCKER_HOST", "Docker context 'colima'", "Embedded engine (rootless)". */
  label: string;
  endpoint: string;
  /** True for the engine Berth starts and stops itself. */
  embedded: boolean;
  rootless?: boolean;
  tls?: { ca?: string; cert?: string; key?: string; verify: boolean };
  /** True when the endpoint talks to the Docker API over plain TCP without TLS (root-equivalent, unencrypted). */
  insecure?: boolean;
}

export type EngineState =
  'idle' | 'starting' | 'connecting' | 'connected' | 'unreachable' | 'not-installed' | 'stopped';

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  kernelVersion?: string;
  /** 'docker' or 'podman' as reported by the engine's components. */
  product: 'docker' | 'podman' | 'unknown';
}

/** What to install when no engine can be found or started, for the current OS. */
export interface InstallHint {
  os: 'linux' | 'darwin' | 'win32' | 'other';
  title: string;
  /** What is missing, e.g. ["dockerd", "rootlesskit"]. */
  missing: string[];
  /** Copyable shell commands, in order. */
  commands: string[];
  docsUrl?: string;
}

export interface EngineStatus {
  state: EngineState;
  engine?: EngineCandidate;
  version?: EngineVersion;
  /** Why the engine is unreachable or could not be started. */
  error?: { code: string; message: string; details?: unknown };
  install?: InstallHint;
  /** Milliseconds since epoch of the last state change. */
  since: number;
  /** While unreachable: the reconnect attempt number and when the next attempt is due (ms since epoch). */
  reconnect?: { attempt: number; nextAttemptAt: number };
}
