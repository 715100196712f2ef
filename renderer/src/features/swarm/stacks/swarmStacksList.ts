import type { StackSummary } from '../../../api/contract';
import type { ListSpec } from '../../../stores/listSlice';

/** Swarm stacks by name (empty unless the engine is a swarm manager). */
export const swarmStacksList: ListSpec<StackSummary> = {
  list: (client) => client.call('stacks.list', {}),
  changes: (client, push) => client.on('stacks.changed', push),
  keyOf: (s) => s.name,
  removeAction: 'remove',
};
