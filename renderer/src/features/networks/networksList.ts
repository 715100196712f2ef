import type { NetworkSummary } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Networks by ID. */
export const networksList: ListSpec<NetworkSummary> = {
  list: (client) => client.call('networks.list', {}),
  changes: (client, push) => client.on('networks.changed', push),
  keyOf: (n) => n.id,
};
