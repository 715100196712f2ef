import type { SwarmTask } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Every swarm task (current and historic slots) by ID; pages filter by service or node. */
export const swarmTasksList: ListSpec<SwarmTask> = {
  list: (client) => client.call('swarmTasks.list', {}),
  changes: (client, push) => client.on('swarmTasks.changed', push),
  keyOf: (t) => t.id,
};
