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
