import type { BerthErrorData, CollectionPatch, EngineClient, ImageSummary, Result } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';
import { applyPatches } from '../../stores/collection';

/** Actions that run on one image row and show pending/error state inline. */
export type ImageRowAction = 'remove' | 'tag' | 'save';

export interface ImageActionFailure {
  action: ImageRowAction;
  error: BerthErrorData;
}

export interface ImagesSlice {
  images: Record<string, ImageSummary>;
  /** True once a list (or reset patch) has arrived. */
  imagesLoaded: boolean;
  /** Why the last images.list failed; cleared by the next success. */
  imagesError: BerthErrorData | null;
  imagePending: Record<string, ImageRowAction>;
  imageErrors: Record<string, ImageActionFailure>;
  loadImages: () => Promise<void>;
  applyImagePatches: (patches: CollectionPatch<ImageSummary>[]) => void;
  /** Runs `invoke` as `action` on image `id`, tracking pending and error state. Resolves true on success. */
  runImageAction: (id: string, action: ImageRowAction, invoke: (client: EngineClient) => Promise<Result<unknown>>) => Promise<boolean>;
  dismissImageError: (id: string) => void;
}

const byId = (items: ImageSummary[]) => Object.fromEntries(items.map((i) => [i.id, i]));

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const copy = { ...record };
  delete copy[id];
  return copy;
}

export const createImagesSlice: SliceCreator<ImagesSlice> = (client) => (set, get) => {
  // Only the newest list answer counts: an older one may reflect a state before later events.
  let listSeq = 0;
  return {
    images: {},
    imagesLoaded: false,
    imagesError: null,
    imagePending: {},
    imageErrors: {},
    loadImages: async () => {
      const seq = ++listSeq;
      const result = await client.call('images.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ images: byId(result.value), imagesLoaded: true, imagesError: null });
      else set({ imagesError: result.error });
    },
    applyImagePatches: (patches) => {
      const { items, reset } = applyPatches(get().images, patches, (i) => i.id);
      set({ images: items, imagesLoaded: get().imagesLoaded || reset });
    },
    runImageAction: async (id, action, invoke) => {
      if (get().imagePending[id]) return false;
      set((s) => ({ imagePending: { ...s.imagePending, [id]: action }, imageErrors: without(s.imageErrors, id) }));
      const result = await invoke(client);
      set((s) => {
        const imagePending = without(s.imagePending, id);
        if (!result.ok) return { imagePending, imageErrors: { ...s.imageErrors, [id]: { action, error: result.error } } };
        return { imagePending };
      });
      return result.ok;
    },
    dismissImageError: (id) => set((s) => ({ imageErrors: without(s.imageErrors, id) })),
  };
};
