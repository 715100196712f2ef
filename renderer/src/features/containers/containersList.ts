import type { ContainerAction, ContainerSummary } from '../../api/contract';
import type { ActionFailure, ListSpec } from '../../stores/listSlice';

export type ContainerActionFailure = ActionFailure<ContainerAction>;

/** Containers by ID; a removed container's row goes at once, before its removal event arrives. */
export const containersList: ListSpec<ContainerSummary, ContainerAction> = {
  list: (client) => client.call('containers.list', {}),
  changes: (client, push) => client.on('containers.changed', push),
  keyOf: (c) => c.id,
  removeAction: 'remove',
};
