import type { ContainerAction, ContainerSummary } from '../api/contract';
import { createList, type ActionFailure, type ListSpec, type ListState } from './listSlice';
import type { SliceCreator } from './types';

export type ContainerActionFailure = ActionFailure<ContainerAction>;

export interface ContainersSlice {
  containers: ListState<ContainerSummary, ContainerAction>;
}

const containersList: ListSpec<ContainerSummary, ContainerAction> = {
  list: (client) => client.call('containers.list', {}),
  changes: (client, push) => client.on('containers.changed', push),
  keyOf: (c) => c.id,
  removeAction: 'remove',
};

export const createContainersSlice: SliceCreator<ContainersSlice> = (client) => (set, get) => ({
  containers: createList(
    containersList,
    client,
    () => get().containers,
    (containers) => set({ containers }),
  ),
});
