import type { SwarmState, SwarmStatus } from '../../contract';

/** The Swarm block of GET /info (the fields Berth reads). */
export interface EngineSwarmInfo {
  NodeID?: string;
  NodeAddr?: string;
  LocalNodeState?: string;
  ControlAvailable?: boolean;
  Error?: string;
  RemoteManagers?: { NodeID?: string; Addr?: string }[] | null;
  Nodes?: number;
  Managers?: number;
  Cluster?: { ID?: string } | null;
}

const STATES = new Set<SwarmState>(['inactive', 'pending', 'active', 'error', 'locked']);

/** SwarmStatus from GET /info's Swarm block; an engine without one (Podman, old APIs) is not in a swarm. */
export function parseSwarmStatus(info: { Swarm?: EngineSwarmInfo | null } | undefined): SwarmStatus {
  const s = info?.Swarm ?? {};
  const raw = s.LocalNodeState ?? 'inactive';
  const state: SwarmState = STATES.has(raw as SwarmState) ? (raw as SwarmState) : 'inactive';
  const inSwarm = state === 'active';
  return {
    state,
    ...(s.NodeID ? { nodeId: s.NodeID } : {}),
    ...(s.NodeAddr ? { nodeAddr: s.NodeAddr } : {}),
    isManager: inSwarm && s.ControlAvailable === true,
    ...(s.Cluster?.ID ? { clusterId: s.Cluster.ID } : {}),
    ...(inSwarm && typeof s.Nodes === 'number' && s.Nodes > 0 ? { nodes: s.Nodes } : {}),
    ...(inSwarm && typeof s.Managers === 'number' && s.Managers > 0 ? { managers: s.Managers } : {}),
    ...(s.Error ? { error: s.Error } : {}),
    remoteManagers: (s.RemoteManagers ?? [])
      .filter((m) => m.NodeID && m.Addr)
      .map((m) => ({ nodeId: m.NodeID ?? '', addr: m.Addr ?? '' })),
  };
}

/** Whether two statuses differ in anything the UI shows (so 'swarm.status' is pushed only on a change). */
export function sameStatus(a: SwarmStatus | undefined, b: SwarmStatus): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
