import type { networksMethods } from '../../contract/methods/networks';
import type { HandlersOf } from '../context';
import type { NetworksService } from './service';

export function networkHandlers(networks: NetworksService): HandlersOf<typeof networksMethods> {
  return {
    'networks.list': () => networks.list(),
    'networks.inspect': ({ id }) => networks.inspect(id),
    'networks.create': (input) => networks.create(input),
    'networks.connect': (input) => networks.connect(input),
    'networks.disconnect': (input) => networks.disconnect(input),
    'networks.remove': ({ id }) => networks.remove(id),
    'networks.prunePreview': () => networks.prunePreview(),
    'networks.prune': () => networks.prune(),
  };
}
