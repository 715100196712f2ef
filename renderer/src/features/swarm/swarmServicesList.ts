import type { SwarmServiceSummary } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Swarm services by ID (empty unless the engine is a swarm manager). */
export const swarmServicesList: ListSpec<SwarmServiceSummary> = {
  list: (client) => client.call('services.list', {}),
  changes: (client, push) => client.on('services.changed', push),
  keyOf: (s) => s.id,
  removeAction: 'remove',
};
