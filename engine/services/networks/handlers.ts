import type { networksMethods } from '../../contract/methods/networks';
import type { Domain, ServiceContext } from '../context';
import { NetworksService } from './service';

/** The networks domain: the live list and its actions. */
export function networksDomain(ctx: ServiceContext): Domain<typeof networksMethods> {
  const networks = new NetworksService(ctx);
  return {
    handlers: {
      'networks.list': () => networks.list(),
      'networks.inspect': ({ id }) => networks.inspect(id),
      'networks.create': (input) => networks.create(input),
      'networks.connect': (input) => networks.connect(input),
      'networks.disconnect': (input) => networks.disconnect(input),
      'networks.remove': ({ id }) => networks.remove(id),
      'networks.prunePreview': () => networks.prunePreview(),
      'networks.prune': () => networks.prune(),
    },
    dispose: () => networks.dispose(),
  };
}
