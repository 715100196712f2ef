/**
 * Berth's resolved compose model: what `docker compose config` prints, after interpolation, merging, extends,
 * profiles and normalisation. Keys keep the compose-spec spelling so the model serialises back to a compose file.
 * Fields the loader does not normalise pass through unchanged (hence the index signatures).
 */
export interface ComposeProject {
  name: string;
  /** Absolute project directory; relative paths were resolved from it. */
  workingDir: string;
  /** Absolute paths of the compose files, in -f order. */
  composeFiles: string[];
  services: Record<string, ServiceConfig>;
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  secrets: Record<string, SecretConfig>;
  configs: Record<string, ConfigConfig>;
  /** Services left out because none of their profiles is active. */
  disabledServices: string[];
  /** Profiles that were active for this load. */
  profiles: string[];
  /** Top-level `x-*` extension fields. */
  extensions: Record<string, unknown>;
  /** Non-fatal findings (unset variables, obsolete `version`, ...), each one sentence. */
  warnings: string[];
}

export interface PortConfig {
  name?: string;
  mode: string;
  host_ip?: string;
  target: number;
  /** A port or a range such as "8000-8010"; absent when the engine picks a random host port. */
  published?: string;
  protocol: string;
  app_protocol?: string;
}

export interface ServiceVolumeConfig {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: { propagation?: string; create_host_path?: boolean; selinux?: 'z' | 'Z'; recursive?: string };
  volume?: { nocopy?: boolean; subpath?: string; labels?: Record<string, string> };
  tmpfs?: { size?: number | string; mode?: number | string };
  image?: { subpath?: string };
  [extension: `x-${string}`]: unknown;
}

export interface DependsOnConfig {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  required: boolean;
  restart?: boolean;
}

export interface BuildConfig {
  context: string;
  dockerfile?: string;
  args?: Record<string, string | null>;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

export interface HealthcheckConfig {
  test?: string[];
  interval?: string;
  timeout?: string;
  start_period?: string;
  start_interval?: string;
  retries?: number;
  disable?: boolean;
}

export interface ServiceNetworkConfig {
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  [key: string]: unknown;
}

export interface ServiceFileReference {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number | string;
}

export interface ServiceConfig {
  image?: string;
  build?: BuildConfig;
  command?: string | string[] | null;
  entrypoint?: string | string[] | null;
  environment?: Record<string, string | null>;
  labels?: Record<string, string>;
  ports?: PortConfig[];
  expose?: string[];
  volumes?: ServiceVolumeConfig[];
  depends_on?: Record<string, DependsOnConfig>;
  networks?: Record<string, ServiceNetworkConfig | null>;
  network_mode?: string;
  extra_hosts?: Record<string, string[]>;
  healthcheck?: HealthcheckConfig;
  secrets?: ServiceFileReference[];
  configs?: ServiceFileReference[];
  profiles?: string[];
  scale?: number;
  deploy?: { replicas?: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface NetworkConfig {
  name: string;
  external?: boolean;
  driver?: string;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

export interface VolumeConfig {
  name: string;
  external?: boolean;
  driver?: string;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

export interface SecretConfig {
  name: string;
  file?: string;
  environment?: string;
  external?: boolean;
  [key: string]: unknown;
}

export interface ConfigConfig {
  name: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
  [key: string]: unknown;
}

export interface LoadOptions {
  /** Compose files in -f order; empty or absent means compose's default file lookup in `workingDir`. */
  files?: string[];
  /** Project directory (compose's --project-directory); default: the first file's folder. */
  workingDir?: string;
  projectName?: string;
  /** Replace the project's `.env` file, as compose's --env-file does. */
  envFiles?: string[];
  /** The process environment, injected so loading stays pure and testable. */
  env?: Record<string, string | undefined>;
  profiles?: string[];
  /** Services named on the command line: enabled even when their profiles are not active. */
  services?: string[];
}
