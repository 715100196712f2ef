import type { LocalClusterStatus, SwarmNode } from '../../../api/contract';

export const STOPPED_ENGINE = "Its engine stopped (local cluster); the swarm marks it down once its heartbeat times out.";

/**
 * The nodes as the visualizer draws them: on Berth's own local cluster, a node whose engine process Berth sees
 * stopped (`cluster.status`, within about a second) is drawn down at once, while the manager still calls it ready
 * for the ~10 s its heartbeat takes to expire. Returns `nodes` itself when nothing changes, so unchanged columns
 * stay identical.
 */
export function withStoppedEngines(nodes: Record<string, SwarmNode>, cluster: LocalClusterStatus | null): Record<string, SwarmNode> {
  if (!cluster?.exists || !cluster.connected) return nodes;
  const stopped = new Set(cluster.nodes.filter((n) => n.state === 'stopped' && n.nodeId).map((n) => n.nodeId));
  if (stopped.size === 0) return nodes;
  let out: Record<string, SwarmNode> | undefined;
  for (const id of stopped) {
    const node = id ? nodes[id] : undefined;
    if (!id || !node || node.state === 'down') continue;
    out ??= { ...nodes };
    out[id] = { ...node, state: 'down', message: STOPPED_ENGINE };
  }
  return out ?? nodes;
}
