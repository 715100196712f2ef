/** The local node's part in a swarm, as GET /info reports it. */
export type SwarmState = 'inactive' | 'pending' | 'active' | 'error' | 'locked';

/** Swarm facts every page needs (pushed as 'swarm.status'): is this engine in a swarm, and as what. */
export interface SwarmStatus {
  state: SwarmState;
  /** This engine's node ID, once it is in a swarm. */
  nodeId?: string;
  nodeAddr?: string;
  /** This node is a manager that can answer swarm calls (nodes, services, tasks, secrets, configs). */
  isManager: boolean;
  clusterId?: string;
  nodes?: number;
  managers?: number;
  /** The engine's error text when state is 'error' (e.g. a join that failed). */
  error?: string;
  remoteManagers: { nodeId: string; addr: string }[];
}

/** The settings a user can change with swarm.update. */
export interface SwarmSettings {
  /** Old tasks kept per slot (Orchestration.TaskHistoryRetentionLimit). */
  taskHistoryLimit: number;
  /** Validity of node certificates, in hours (CAConfig.NodeCertExpiry). */
  certExpiryHours: number;
  /** Dispatcher.HeartbeatPeriod, in seconds. */
  heartbeatSeconds: number;
  /** EncryptionConfig.AutoLockManagers: managers need the unlock key after a restart. */
  autolock: boolean;
}

/** GET /swarm on a manager. */
export interface SwarmDetails extends SwarmStatus {
  createdAt?: number;
  updatedAt?: number;
  settings: SwarmSettings;
  /** Object version: updates send it back so concurrent edits fail instead of overwriting. */
  version: number;
  rootRotationInProgress: boolean;
  defaultAddrPool: string[];
  dataPathPort?: number;
}

/** An address this engine could advertise to other nodes, for the init/join picker. */
export interface SwarmAddressCandidate {
  address: string;
  /** Interface name, or where the candidate came from ('engine', 'docker host'). */
  source: string;
  /** The one the picker preselects. */
  preferred: boolean;
}

export interface SwarmJoinTokens {
  worker: string;
  manager: string;
  /** Addresses of managers a node can join through (host:port). */
  managerAddrs: string[];
}

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';

/** One row of the nodes list (key: id), also what the visualizer draws a column from. */
export interface SwarmNode {
  id: string;
  hostname: string;
  role: NodeRole;
  availability: NodeAvailability;
  state: NodeState;
  /** The engine's status message (why a node is down). */
  message?: string;
  addr?: string;
  /** Managers: the raft leader, and whether the other managers reach it. */
  leader: boolean;
  reachability?: 'unknown' | 'unreachable' | 'reachable';
  managerAddr?: string;
  engineVersion?: string;
  os?: string;
  arch?: string;
  /** From Description.Resources: NanoCPUs / 1e9 and MemoryBytes. */
  cpus?: number;
  memoryBytes?: number;
  /** Spec labels (the ones a user sets, used by placement constraints). */
  labels: Record<string, string>;
  /** Labels of the node's engine (dockerd --label). */
  engineLabels: Record<string, string>;
  /** The node the connected engine is. */
  self: boolean;
  version: number;
  createdAt?: number;
  updatedAt?: number;
}

export interface SwarmNodeDetails extends SwarmNode {
  raw: unknown;
}

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export interface ServicePort {
  target: number;
  published?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** 'ingress' goes through the routing mesh; 'host' binds on the node running the task. */
  mode: 'ingress' | 'host';
}

/** A network a service's tasks attach to (TaskTemplate.Networks), with the aliases they get on it. */
export interface ServiceNetworkRef {
  id: string;
  /** The network's name, or its ID when the engine does not know it (a network removed meanwhile). */
  name: string;
  aliases: string[];
}

/** UpdateStatus of a service: a rolling update or rollback in progress or done. */
export interface ServiceUpdateStatus {
  state: 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';
  message?: string;
  startedAt?: number;
  completedAt?: number;
}

/** One row of the services list (key: id). */
export interface SwarmServiceSummary {
  id: string;
  name: string;
  /** The image as the spec names it, without the pinned digest. */
  image: string;
  /** The digest the swarm pinned, if any. */
  imageDigest?: string;
  mode: ServiceMode;
  /** Desired replicas for replicated services. */
  replicas?: number;
  /** ServiceStatus: tasks running now and tasks the orchestrator wants. */
  running: number;
  desired: number;
  ports: ServicePort[];
  /** com.docker.stack.namespace: the stack the service belongs to. */
  stack?: string;
  labels: Record<string, string>;
  /** Network names (IDs where the name is not known). */
  networks: string[];
  /** The same networks with their IDs and aliases (always filled by the backend; the topology view draws them). */
  networkRefs?: ServiceNetworkRef[];
  update?: ServiceUpdateStatus;
  createdAt?: number;
  updatedAt?: number;
  version: number;
}

export interface SwarmServiceDetails extends SwarmServiceSummary {
  /** The service's spec in the shape of the create form (services.create input), for the edit form. */
  spec: unknown;
  /** The spec before the last update, when there is one (what a rollback returns to). */
  previousSpec?: unknown;
  raw: unknown;
}

export type SwarmTaskState =
  | 'new'
  | 'allocated'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

/** One swarm task (key: id): a slot of a service on a node. Not to be confused with Berth's TaskInfo. */
export interface SwarmTask {
  id: string;
  serviceId: string;
  serviceName: string;
  stack?: string;
  /** Replicated services: the slot number; global services have none. */
  slot?: number;
  nodeId?: string;
  desiredState: SwarmTaskState;
  state: SwarmTaskState;
  /** Status.Message, e.g. "started". */
  message?: string;
  /** Status.Err, e.g. "task: non-zero exit (1)" or "no suitable node". */
  error?: string;
  containerId?: string;
  exitCode?: number;
  image?: string;
  /** Status.Timestamp: when the task entered its state. */
  stateSince?: number;
  createdAt?: number;
  updatedAt?: number;
}
