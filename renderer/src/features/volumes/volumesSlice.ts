import type { VolumeSummary } from '../../api/contract';
import { createList, type ListSpec, type ListState } from '../../stores/listSlice';
import type { SliceCreator } from '../../stores/types';

export interface VolumesSlice {
  /** By name. */
  volumes: ListState<VolumeSummary>;
}

const volumesList: ListSpec<VolumeSummary> = {
  list: (client) => client.call('volumes.list', {}),
  changes: (client, push) => client.on('volumes.changed', push),
  keyOf: (v) => v.name,
};

export const createVolumesSlice: SliceCreator<VolumesSlice> = (client) => (set, get) => ({
  volumes: createList(
    volumesList,
    client,
    () => get().volumes,
    (volumes) => set({ volumes }),
  ),
});
