import type { VolumeSummary } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Volumes by name. */
export const volumesList: ListSpec<VolumeSummary> = {
  list: (client) => client.call('volumes.list', {}),
  changes: (client, push) => client.on('volumes.changed', push),
  keyOf: (v) => v.name,
};
