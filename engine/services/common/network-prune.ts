import type Dockerode from 'dockerode';
import type { NetworkPrunePreview, NetworkPruneResult } from '../../contract';
import { mapDockerError } from '../../docker/errors';

/** Made by the engine; they cannot be removed. */
export const PREDEFINED = new Set(['bridge', 'host', 'none']);

/** The networks prune may remove: user networks no running, paused or restarting container is on. */
export async function unusedNetworks(docker: Dockerode): Promise<NetworkPrunePreview> {
  const [networks, running] = await Promise.all([
    docker.listNetworks(),
    docker.listContainers({ all: true, filters: { status: ['running', 'paused', 'restarting'] } }),
  ]).catch((err: unknown) => {
    throw mapDockerError(err, { action: 'list', object: 'networks' });
  });
  const inUse = new Set(running.flatMap((c) => Object.values(c.NetworkSettings?.Networks ?? {}).map((ep) => ep.NetworkID)));
  const unused = networks.filter((n) => !PREDEFINED.has(n.Name) && !n.Ingress && n.Scope !== 'swarm' && !inUse.has(n.Id));
  return { networks: unused.map((n) => ({ id: n.Id, name: n.Name, driver: n.Driver })).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** Removes exactly what the preview lists (re-checked now), one by one. */
export async function pruneUnusedNetworks(docker: Dockerode): Promise<NetworkPruneResult> {
  const { networks } = await unusedNetworks(docker);
  const result: NetworkPruneResult = { removed: [], failed: [] };
  for (const n of networks) {
    try {
      await docker.getNetwork(n.id).remove();
      result.removed.push(n.name);
    } catch (err) {
      result.failed.push({ name: n.name, message: mapDockerError(err, { action: 'remove', object: `network ${n.name}` }).message });
    }
  }
  return result;
}
