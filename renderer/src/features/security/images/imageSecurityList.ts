import type { ImageAudit } from '../../../api/contract';
import type { ListSpec } from '../../../stores/listSlice';

/** Security findings per image, by image ID. */
export const imageSecurityList: ListSpec<ImageAudit> = {
  list: (client) => client.call('security.images', {}),
  changes: (client, push) => client.on('security.images.changed', push),
  keyOf: (a) => a.id,
};
