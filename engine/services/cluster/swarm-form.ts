import type Dockerode from 'dockerode';
import type { StoredNode } from './state';

interface SwarmInfo {
  Name?: string;
  Swarm?: { LocalNodeState?: string; NodeID?: string; Cluster?: { ID?: string } };
}

export const SWARM_PORT = 2377;

/** The first manager inits the swarm (unless it already has one); returns the swarm id and join tokens. */
export async function initSwarm(
  docker: Dockerode,
  node: StoredNode,
): Promise<{ swarmId: string; worker: string; manager: string }> {
  const info = (await docker.info()) as SwarmInfo;
  if (info.Swarm?.LocalNodeState !== 'active') {
    await docker.swarmInit({
      ListenAddr: `0.0.0.0:${SWARM_PORT}`,
      AdvertiseAddr: `${node.address}:${SWARM_PORT}`,
    });
  }
  const swarm = (await docker.swarmInspect()) as {
    ID: string;
    JoinTokens: { Worker: string; Manager: string };
  };
  return { swarmId: swarm.ID, worker: swarm.JoinTokens.Worker, manager: swarm.JoinTokens.Manager };
}

/** Joins a node to the first manager with the token for its role; a node already in a swarm is left as it is. */
export async function joinSwarm(
  docker: Dockerode,
  node: StoredNode,
  managerAddress: string,
  token: string,
): Promise<void> {
  const info = (await docker.info()) as SwarmInfo;
  if (info.Swarm?.LocalNodeState === 'active') return;
  await docker.swarmJoin({
    ListenAddr: `0.0.0.0:${SWARM_PORT}`,
    AdvertiseAddr: `${node.address}:${SWARM_PORT}`,
    RemoteAddrs: [`${managerAddress}:${SWARM_PORT}`],
    JoinToken: token,
  });
}

/** What the node's engine says about itself: its hostname and swarm node id. */
export async function nodeIdentity(
  docker: Dockerode,
): Promise<{ hostname?: string; nodeId?: string; swarmId?: string }> {
  const info = (await docker.info()) as SwarmInfo;
  return {
    ...(info.Name ? { hostname: info.Name } : {}),
    ...(info.Swarm?.NodeID ? { nodeId: info.Swarm.NodeID } : {}),
    ...(info.Swarm?.Cluster?.ID ? { swarmId: info.Swarm.Cluster.ID } : {}),
  };
}
