import type { SwarmConfig } from '../../../api/contract';
import type { ListSpec } from '../../../stores/listSlice';

/** Swarm configs by ID (empty unless the engine is a swarm manager). */
export const swarmConfigsList: ListSpec<SwarmConfig> = {
  list: (client) => client.call('configs.list', {}),
  changes: (client, push) => client.on('configs.changed', push),
  keyOf: (s) => s.id,
  removeAction: 'remove',
};
