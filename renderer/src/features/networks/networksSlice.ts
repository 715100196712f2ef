import type { BerthErrorData, CollectionPatch, NetworkSummary } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';
import { applyPatches } from '../../stores/collection';

export interface NetworksSlice {
  /** By ID. */
  networks: Record<string, NetworkSummary>;
  networksLoaded: boolean;
  networksError: BerthErrorData | null;
  loadNetworks: () => Promise<void>;
  applyNetworkPatches: (patches: CollectionPatch<NetworkSummary>[]) => void;
}

export const createNetworksSlice: SliceCreator<NetworksSlice> = (client) => (set, get) => {
  let listSeq = 0;
  return {
    networks: {},
    networksLoaded: false,
    networksError: null,
    loadNetworks: async () => {
      const seq = ++listSeq;
      const result = await client.call('networks.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ networks: Object.fromEntries(result.value.map((n) => [n.id, n])), networksLoaded: true, networksError: null });
      else set({ networksError: result.error });
    },
    applyNetworkPatches: (patches) => {
      const { items, reset } = applyPatches(get().networks, patches, (n) => n.id);
      set({ networks: items, networksLoaded: get().networksLoaded || reset });
    },
  };
};
