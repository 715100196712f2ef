import type { BerthErrorData, CollectionPatch, VolumeSummary } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';
import { applyPatches } from '../../stores/collection';

export interface VolumesSlice {
  /** By name. */
  volumes: Record<string, VolumeSummary>;
  volumesLoaded: boolean;
  volumesError: BerthErrorData | null;
  loadVolumes: () => Promise<void>;
  applyVolumePatches: (patches: CollectionPatch<VolumeSummary>[]) => void;
}

export const createVolumesSlice: SliceCreator<VolumesSlice> = (client) => (set, get) => {
  // Only the newest list answer counts: an older one may reflect a state before later events.
  let listSeq = 0;
  return {
    volumes: {},
    volumesLoaded: false,
    volumesError: null,
    loadVolumes: async () => {
      const seq = ++listSeq;
      const result = await client.call('volumes.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ volumes: Object.fromEntries(result.value.map((v) => [v.name, v])), volumesLoaded: true, volumesError: null });
      else set({ volumesError: result.error });
    },
    applyVolumePatches: (patches) => {
      const { items, reset } = applyPatches(get().volumes, patches, (v) => v.name);
      set({ volumes: items, volumesLoaded: get().volumesLoaded || reset });
    },
  };
};
