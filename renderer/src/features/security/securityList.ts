import type { ContainerAudit } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Security findings per container, by container ID. */
export const securityList: ListSpec<ContainerAudit> = {
  list: (client) => client.call('security.list', {}),
  changes: (client, push) => client.on('security.changed', push),
  keyOf: (a) => a.id,
};
