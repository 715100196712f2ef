// SCAFFOLD (swarm-base branch only): the cluster helper replaces this file; it never lands on main as is.
import { BerthError } from '../../base/errors';
import type { clusterMethods } from '../../contract/methods/cluster';
import type { Domain, ServiceContext } from '../context';

const todo = (): Promise<never> => Promise.reject(new BerthError('UNAVAILABLE', 'The local cluster is not built yet'));

export function clusterDomain(_ctx: ServiceContext): Domain<typeof clusterMethods> {
  return {
    handlers: {
      'cluster.status': todo,
      'cluster.create': todo,
      'cluster.start': todo,
      'cluster.destroy': todo,
      'cluster.loadImage': todo,
      'cluster.connect': todo,
    },
  };
}
