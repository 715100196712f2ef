export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortMapping {
  /** Host IP the port is published on, absent when not published. */
  ip?: string;
  privatePort: number;
  publicPort?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** One row of the containers list. Built from GET /containers/json, one shape for list and event patches. */
export interface ContainerSummary {
  id: string;
  /** Name without the leading slash. */
  name: string;
  image: string;
  imageId: string;
  command: string;
  state: ContainerState;
  /** Engine's human status, e.g. "Up 3 minutes", "Exited (0) 2 hours ago". */
  status: string;
  /** Creation time, seconds since epoch. */
  created: number;
  ports: PortMapping[];
  labels: Record<string, string>;
  /** From com.docker.compose.project / .service when present. */
  composeProject?: string;
  composeService?: string;
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'remove';

export interface ContainerCreated {
  id: string;
  name: string;
  /** Whether it was started (create with start: true). */
  started: boolean;
}

/** What `containers.recreate` did: the new container's id and the settings that differ from before. */
export interface ContainerRecreated {
  id: string;
  name: string;
  /** Names of the settings that changed, e.g. ['env', 'ports']. */
  changed: string[];
  /** True when the container was running before and was started again. */
  restarted: boolean;
}

/** A stopped container that pruning would remove. */
export interface PrunableContainer {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  /** Bytes of its writable layer: what removing it gives back. */
  sizeRw: number;
}

export interface ContainerPrunePreview {
  containers: PrunableContainer[];
  /** Sum of sizeRw. */
  totalBytes: number;
}

export interface ContainerPruneResult {
  removed: string[];
  spaceReclaimed: number;
  /** Previewed containers kept because they started meanwhile or could not be removed. */
  skipped: { id: string; name: string; reason: string }[];
}
