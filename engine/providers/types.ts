import type { EngineCandidate, InstallHint } from '../contract';

/** Inputs to discovery, injectable so tests can describe any machine. */
export interface DiscoveryEnv {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  uid: number;
  /** Returns true when a path exists and is a socket (or a named pipe on Windows). */
  isSocket(path: string): Promise<boolean>;
  readFile(path: string): Promise<string | undefined>;
  readDir(path: string): Promise<string[]>;
}

/** Options for the engine Berth starts itself. */
export interface EmbeddedEngineOptions {
  /** Berth's data directory (BERTH_DATA_DIR or the platform's app-data folder). The engine lives under it. */
  dataDir: string;
  /** 'auto' = rootful when running as root, rootless otherwise. */
  mode?: 'auto' | 'rootful' | 'rootless';
  /** For running several engines on one host (tests): a bridge Berth creates and dockerd attaches to. */
  bridge?: { name: string; cidr: string };
  /** Extra dockerd flags (tests only). */
  extraArgs?: string[];
  /** Milliseconds to wait for /_ping before giving up. */
  startTimeoutMs?: number;
  /** For rootless when started as root (tests): the unprivileged user to run dockerd-rootless.sh as. */
  runAsUser?: string;
  /**
   * Keep the engine running after this process exits (`berth engine start`); stop it later with
   * stopEmbeddedEngine(dataDir), which finds it through the pidfile and checks it is Berth's own dockerd.
   */
  detached?: boolean;
}

export interface EmbeddedEngine {
  candidate: EngineCandidate;
  /** unix socket path of the engine's API. */
  socketPath: string;
  logFile: string;
  pid: number | undefined;
  /**
   * The engine was already running (started by another Berth process, `berth engine start`, or an earlier run)
   * and was reused rather than launched: whoever launched it decides when it stops, so a backend that holds
   * this handle leaves it running when it switches away or quits.
   */
  reused?: boolean;
  /** Stops the engine this handle refers to (SIGTERM, then SIGKILL after a grace period), and only that one. */
  stop(): Promise<void>;
}

/** Thrown/returned when no engine binary is installed: carries what to install. */
export interface EngineNotInstalled {
  hint: InstallHint;
}
