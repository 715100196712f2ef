import type { nodesMethods, servicesMethods, swarmMethods, swarmTasksMethods } from '../../contract/methods/swarm';
import type { Domain, ServiceContext } from '../context';
import { followClusterNodes } from './cluster-nodes';
import { streamServiceLogs } from './logs';
import { SwarmMembership } from './membership';
import { SwarmStatusTracker } from './membership-status';
import { NodesService } from './nodes';
import { SwarmServicesService } from './services';
import { SwarmTasksService } from './tasks';

type SwarmAll = typeof swarmMethods & typeof nodesMethods & typeof servicesMethods & typeof swarmTasksMethods;

/** The swarm domain: membership and settings, nodes, services, swarm tasks (live lists) and service logs. */
export function swarmDomain(ctx: ServiceContext): Domain<SwarmAll, 'services.logs'> {
  const status = new SwarmStatusTracker(ctx);
  const swarm = new SwarmMembership(ctx, status);
  const nodes = new NodesService(ctx, status);
  const services = new SwarmServicesService(ctx, status);
  const tasks = new SwarmTasksService(ctx, status, () => services.names(), (ids) => services.live.refresh(ids));
  // On Berth's own local cluster each node's container events patch task states before the manager lists them.
  const offNodes = followClusterNodes(ctx, (e) => tasks.fromNode(e));
  // Membership changes (init, join, leave, promotion) change what every list holds: relist them.
  const offStatus = status.onChange(() => {
    if (!ctx.live.follow) return;
    void nodes.list().then((items) => ctx.bus.emit('nodes.changed', { kind: 'reset', items }), () => undefined);
    void services.list().then((items) => ctx.bus.emit('services.changed', { kind: 'reset', items }), () => undefined);
    void tasks.list().then((items) => ctx.bus.emit('swarmTasks.changed', { kind: 'reset', items }), () => undefined);
  });
  return {
    handlers: {
      'swarm.status': () => swarm.getStatus(),
      'swarm.inspect': () => swarm.inspect(),
      'swarm.addresses': () => swarm.addresses(),
      'swarm.init': (p) => swarm.init(p),
      'swarm.join': (p) => swarm.join(p),
      'swarm.leave': ({ force }) => swarm.leave(force),
      'swarm.joinTokens': () => swarm.joinTokens(),
      'swarm.rotateToken': ({ which }) => swarm.rotateToken(which),
      'swarm.unlockKey': ({ rotate }) => swarm.unlockKey(rotate),
      'swarm.unlock': ({ key }) => swarm.unlock(key),
      'swarm.update': ({ settings }) => swarm.update(settings),
      'nodes.list': () => nodes.list(),
      'nodes.inspect': ({ id }) => nodes.inspect(id),
      'nodes.update': (p) => nodes.update(p),
      'nodes.remove': ({ id, force }) => nodes.remove(id, force),
      'services.list': () => services.list(),
      'services.inspect': ({ id }) => services.inspect(id),
      'services.create': ({ spec }) => services.create(spec),
      'services.update': ({ id, spec, version }) => services.update(id, spec, version),
      'services.scale': ({ id, replicas }) => services.scale(id, replicas),
      'services.rollback': ({ id }) => services.rollback(id),
      'services.restart': ({ id }) => services.restart(id),
      'services.remove': ({ id }) => services.remove(id),
      'swarmTasks.list': (p) => tasks.list(p),
    },
    streams: { 'services.logs': (s) => streamServiceLogs(ctx.engine.docker(), s) },
    dispose: () => {
      offNodes();
      offStatus();
      tasks.dispose();
      services.dispose();
      nodes.dispose();
      status.dispose();
    },
  };
}
