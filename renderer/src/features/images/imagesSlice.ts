import type { ImageSummary } from '../../api/contract';
import { createList, type ActionFailure, type ListSpec, type ListState } from '../../stores/listSlice';
import type { SliceCreator } from '../../stores/types';

/** Actions that run on one image row and show pending/error state inline. */
export type ImageRowAction = 'remove' | 'tag' | 'save';

export type ImageActionFailure = ActionFailure<ImageRowAction>;

export interface ImagesSlice {
  images: ListState<ImageSummary, ImageRowAction>;
}

// No removeAction: an image row stays until its removal event says the image is gone.
const imagesList: ListSpec<ImageSummary, ImageRowAction> = {
  list: (client) => client.call('images.list', {}),
  changes: (client, push) => client.on('images.changed', push),
  keyOf: (i) => i.id,
};

export const createImagesSlice: SliceCreator<ImagesSlice> = (client) => (set, get) => ({
  images: createList(
    imagesList,
    client,
    () => get().images,
    (images) => set({ images }),
  ),
});
