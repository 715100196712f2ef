import type { ContainerState, PortMapping } from './container';

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | 'none';

export interface ContainerMount {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Host path (bind) or volume name (volume); empty for tmpfs. */
  source: string;
  destination: string;
  readOnly: boolean;
  /** Volume driver, when a volume. */
  driver?: string;
  mode?: string;
}

export interface ContainerNetwork {
  name: string;
  ipAddress?: string;
  ipv6Address?: string;
  gateway?: string;
  macAddress?: string;
  aliases: string[];
}

export interface ContainerResources {
  /** CPUs as a decimal (NanoCpus / 1e9); 0 when unlimited. */
  cpus: number;
  cpuShares: number;
  /** Bytes; 0 when unlimited. */
  memory: number;
  memoryReservation: number;
  /** 0 or absent when unlimited. */
  pidsLimit: number;
}

/** What the details page shows: the overview, environment, mounts, ports, networks and labels of one container. */
export interface ContainerDetails {
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: ContainerState;
  /** Engine's State.Status plus a human line, e.g. "Exited (137)". */
  statusText: string;
  health: HealthStatus;
  /** Last health check output, when there is a healthcheck. */
  healthLog?: string;
  exitCode: number;
  /** The engine's State.Error (e.g. why it failed to start). */
  error?: string;
  oomKilled: boolean;
  pid: number;
  /** ISO timestamps; absent when the engine reports the zero time. */
  created: string;
  startedAt?: string;
  finishedAt?: string;
  entrypoint: string[];
  command: string[];
  workingDir: string;
  user: string;
  hostname: string;
  tty: boolean;
  openStdin: boolean;
  restartPolicy: { name: string; maximumRetryCount: number };
  restartCount: number;
  privileged: boolean;
  readOnlyRootfs: boolean;
  resources: ContainerResources;
  /** KEY=VALUE pairs split at the first '='. */
  env: { key: string; value: string }[];
  mounts: ContainerMount[];
  ports: PortMapping[];
  networkMode: string;
  networks: ContainerNetwork[];
  labels: Record<string, string>;
  /** The engine's inspect answer unchanged, for the searchable Inspect tab. */
  raw: unknown;
}

/** `docker top`: column titles and one row per process. */
export interface ContainerProcesses {
  titles: string[];
  processes: string[][];
}
