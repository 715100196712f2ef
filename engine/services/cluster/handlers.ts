import type { clusterMethods } from '../../contract/methods/cluster';
import type { Domain, ServiceContext } from '../context';
import { ClusterService } from './service';
import { watchCluster } from './watch';

/** cluster.*: the local multi-node cluster (see service.ts and docs/adr for the mechanisms). */
export function clusterDomain(ctx: ServiceContext): Domain<typeof clusterMethods> {
  const cluster = new ClusterService(ctx);
  const watch = ctx.live.follow ? watchCluster(cluster) : undefined;
  return {
    dispose: () => watch?.stop(),
    handlers: {
      'cluster.status': () => cluster.status(),
      'cluster.create': (params) => cluster.create(params),
      'cluster.start': () => cluster.start(),
      'cluster.destroy': () => cluster.destroy(),
      'cluster.loadImage': ({ image }) => cluster.loadImage(image),
      'cluster.connect': ({ to }) => cluster.connect(to),
    },
  };
}
