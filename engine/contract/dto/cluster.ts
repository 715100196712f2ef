/**
 * How Berth runs the nodes of a local cluster:
 * - 'netns': extra Berth-managed dockerd processes, each in its own network and UTS namespace (Linux, as root);
 * - 'dind': docker-in-docker containers on the current engine (everywhere else; a configurable image).
 */
export type ClusterMechanism = 'netns' | 'dind';

export interface ClusterMechanismInfo {
  mechanism: ClusterMechanism;
  usable: boolean;
  /** Why it cannot be used here (not root, no `ip`, image missing, ...). */
  reason?: string;
}

export type ClusterNodeState = 'running' | 'starting' | 'stopped' | 'failed';

export interface LocalClusterNode {
  /** Berth's name for the node, e.g. "berth-node1". */
  name: string;
  /** The hostname the node's engine reports (distinct per node). */
  hostname: string;
  role: 'manager' | 'worker';
  /** The node's address on the cluster network. */
  address: string;
  /** Where Berth reaches the node's engine (unix socket or tcp URL). */
  endpoint: string;
  state: ClusterNodeState;
  pid?: number;
  /** The swarm node ID once joined. */
  nodeId?: string;
  error?: string;
}

/** The local cluster Berth created on this machine, if any (recognised again after a restart). */
export interface LocalClusterStatus {
  exists: boolean;
  name?: string;
  mechanism?: ClusterMechanism;
  /** What this machine supports, for the create dialog. */
  mechanisms: ClusterMechanismInfo[];
  nodes: LocalClusterNode[];
  /** The manager's engine endpoint: connect Berth to it to manage the cluster. */
  managerEndpoint?: string;
  /** The connected engine is this cluster's manager. */
  connected: boolean;
  swarmId?: string;
  createdAt?: number;
}
