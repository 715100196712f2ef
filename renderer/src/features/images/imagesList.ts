import type { ImageSummary } from '../../api/contract';
import type { ActionFailure, ListSpec } from '../../stores/listSlice';

/** Actions that run on one image row and show pending/error state inline. */
export type ImageRowAction = 'remove' | 'tag' | 'save';

export type ImageActionFailure = ActionFailure<ImageRowAction>;

/** Images by ID. No removeAction: an image row stays until its removal event says the image is gone. */
export const imagesList: ListSpec<ImageSummary, ImageRowAction> = {
  list: (client) => client.call('images.list', {}),
  changes: (client, push) => client.on('images.changed', push),
  keyOf: (i) => i.id,
};
