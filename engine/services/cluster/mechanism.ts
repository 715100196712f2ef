import type Dockerode from 'dockerode';
import type { ClusterMechanism } from '../../contract';
import type { ClusterState, StoredNode } from './state';

/** How one mechanism makes, runs and removes the nodes; the service drives it step by step. */
export interface Mechanism {
  kind: ClusterMechanism;
  /** Creates what all nodes share (bridge and forwarding rule, or a user network) and records it in `state`. */
  prepare(state: ClusterState): Promise<void>;
  /** The nodes to make, named and addressed (addresses of dind nodes are filled in when they start). */
  planNodes(state: ClusterState, count: number, managers: number): StoredNode[];
  /** Creates (first time) or starts again (after a reboot) one node's engine, keeping its data. */
  startNode(state: ClusterState, node: StoredNode): Promise<void>;
  /** Whether the node's engine runs and answers (pid when known). */
  nodeState(state: ClusterState, node: StoredNode): Promise<{ running: boolean; pid?: number }>;
  client(node: StoredNode): Dockerode;
  /** Stops and removes one node and its data. */
  removeNode(state: ClusterState, node: StoredNode): Promise<void>;
  /** Removes what the nodes shared. */
  removeShared(state: ClusterState): Promise<void>;
  /** What is still on the machine after removal (empty when the destroy was clean). */
  leftovers(state: ClusterState): Promise<string[]>;
}

/** Names every node the same way across mechanisms: berth-node1 is the first manager. */
export function nodeNames(
  count: number,
  managers: number,
): Pick<StoredNode, 'index' | 'name' | 'hostname' | 'role'>[] {
  return Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    name: `berth-node${i + 1}`,
    hostname: `berth-node${i + 1}`,
    role: i < managers ? ('manager' as const) : ('worker' as const),
  }));
}
