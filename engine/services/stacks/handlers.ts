import type { stacksMethods } from '../../contract/methods/stacks';
import type { Domain, ServiceContext } from '../context';
import { StacksService } from './service';

/** The stacks domain: swarm stacks deployed from compose files, like `docker stack deploy|ls|ps|rm`. */
export function stacksDomain(ctx: ServiceContext): Domain<typeof stacksMethods> {
  const svc = new StacksService(ctx);
  return {
    handlers: {
      'stacks.list': () => svc.list(),
      'stacks.inspect': ({ name }, caller) => svc.inspect(name, caller),
      'stacks.preview': (p, caller) => svc.preview(p, caller),
      'stacks.deploy': (p, caller) => svc.deploy(p, caller),
      'stacks.remove': ({ name }) => svc.remove(name),
    },
    dispose: () => svc.dispose(),
  };
}
