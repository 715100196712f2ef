import type { configsMethods, secretsMethods } from '../../contract/methods/swarm-data';
import type { Domain, ServiceContext } from '../context';
import { SwarmDataService } from './service';

/** Swarm secrets and configs: the same service for both kinds (configs.inspect also returns the content). */
export function swarmDataDomain(ctx: ServiceContext): Domain<typeof secretsMethods & typeof configsMethods> {
  const secrets = new SwarmDataService(ctx, 'secret');
  const configs = new SwarmDataService(ctx, 'config');
  return {
    handlers: {
      'secrets.list': () => secrets.list(),
      'secrets.inspect': ({ id }) => secrets.inspect(id),
      'secrets.create': (p) => secrets.createFromText(p),
      'secrets.createUpload': (p) => secrets.uploadTicket(p),
      'secrets.remove': ({ id }) => secrets.remove(id),
      'configs.list': () => configs.list(),
      'configs.inspect': ({ id }) => configs.inspectConfig(id),
      'configs.create': (p) => configs.createFromText(p),
      'configs.createUpload': (p) => configs.uploadTicket(p),
      'configs.remove': ({ id }) => configs.remove(id),
    },
    dispose: () => {
      configs.dispose();
      secrets.dispose();
    },
  };
}
