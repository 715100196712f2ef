import type { SwarmNode } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Swarm nodes by ID (empty unless the engine is a swarm manager: `s.swarm.status` says why). */
export const swarmNodesList: ListSpec<SwarmNode> = {
  list: (client) => client.call('nodes.list', {}),
  changes: (client, push) => client.on('nodes.changed', push),
  keyOf: (n) => n.id,
  removeAction: 'remove',
};
