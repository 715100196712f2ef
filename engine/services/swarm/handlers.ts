// SCAFFOLD (swarm-base branch only): the swarm-backend helper replaces this file; it never lands on main as is.
import { BerthError } from '../../base/errors';
import type { nodesMethods, servicesMethods, swarmMethods, swarmTasksMethods } from '../../contract/methods/swarm';
import type { Domain, ServiceContext } from '../context';

type SwarmAll = typeof swarmMethods & typeof nodesMethods & typeof servicesMethods & typeof swarmTasksMethods;
const todo = (): Promise<never> => Promise.reject(new BerthError('UNAVAILABLE', 'Swarm is not built yet'));

export function swarmDomain(_ctx: ServiceContext): Domain<SwarmAll, 'services.logs'> {
  return {
    handlers: {
      'swarm.status': todo,
      'swarm.inspect': todo,
      'swarm.addresses': todo,
      'swarm.init': todo,
      'swarm.join': todo,
      'swarm.leave': todo,
      'swarm.joinTokens': todo,
      'swarm.rotateToken': todo,
      'swarm.unlockKey': todo,
      'swarm.unlock': todo,
      'swarm.update': todo,
      'nodes.list': todo,
      'nodes.inspect': todo,
      'nodes.update': todo,
      'nodes.remove': todo,
      'services.list': todo,
      'services.inspect': todo,
      'services.create': todo,
      'services.update': todo,
      'services.scale': todo,
      'services.rollback': todo,
      'services.restart': todo,
      'services.remove': todo,
      'swarmTasks.list': todo,
    },
    streams: { 'services.logs': todo },
  };
}
