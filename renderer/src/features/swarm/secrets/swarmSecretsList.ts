import type { SwarmSecret } from '../../../api/contract';
import type { ListSpec } from '../../../stores/listSlice';

/** Swarm secrets by ID, metadata only (empty unless the engine is a swarm manager). */
export const swarmSecretsList: ListSpec<SwarmSecret> = {
  list: (client) => client.call('secrets.list', {}),
  changes: (client, push) => client.on('secrets.changed', push),
  keyOf: (s) => s.id,
  removeAction: 'remove',
};
