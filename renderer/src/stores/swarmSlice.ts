import type { LocalClusterStatus, SwarmStatus } from '../api/contract';
import type { SliceCreator } from './types';

export interface SwarmSlice {
  /** This engine's swarm membership; null until the first swarm.status answer or event. */
  swarm: {
    status: SwarmStatus | null;
    /** The local cluster Berth made on this machine (cluster.status), null until known. */
    cluster: LocalClusterStatus | null;
  };
  setSwarmStatus: (status: SwarmStatus) => void;
  setClusterStatus: (status: LocalClusterStatus) => void;
  /** Asks swarm.status and cluster.status again (on load, reconnect, after join/leave). */
  refreshSwarm: () => Promise<void>;
}

/** Swarm lists come back empty on a non-manager: they are relisted when the engine becomes (or stops being) one. */
const managerChanged = (before: SwarmStatus | null, after: SwarmStatus) =>
  before !== null && (before.isManager !== after.isManager || before.clusterId !== after.clusterId);

export const createSwarmSlice: SliceCreator<SwarmSlice> = (client) => (set, get) => ({
  swarm: { status: null, cluster: null },
  setSwarmStatus: (status) => {
    const before = get().swarm.status;
    set({ swarm: { ...get().swarm, status } });
    if (managerChanged(before, status)) {
      const s = get();
      for (const list of [s.swarmNodes, s.swarmServices, s.swarmStacks, s.swarmTasks, s.swarmSecrets, s.swarmConfigs]) void list.load();
    }
  },
  setClusterStatus: (cluster) => set({ swarm: { ...get().swarm, cluster } }),
  refreshSwarm: async () => {
    const [status, cluster] = await Promise.all([
      client.call('swarm.status', {}),
      client.call('cluster.status', {}),
    ]);
    if (status.ok) get().setSwarmStatus(status.value);
    if (cluster.ok) get().setClusterStatus(cluster.value);
  },
});
