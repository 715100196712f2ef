import type { NetworkSummary } from '../../api/contract';
import { createList, type ListSpec, type ListState } from '../../stores/listSlice';
import type { SliceCreator } from '../../stores/types';

export interface NetworksSlice {
  /** By ID. */
  networks: ListState<NetworkSummary>;
}

const networksList: ListSpec<NetworkSummary> = {
  list: (client) => client.call('networks.list', {}),
  changes: (client, push) => client.on('networks.changed', push),
  keyOf: (n) => n.id,
};

export const createNetworksSlice: SliceCreator<NetworksSlice> = (client) => (set, get) => ({
  networks: createList(
    networksList,
    client,
    () => get().networks,
    (networks) => set({ networks }),
  ),
});
