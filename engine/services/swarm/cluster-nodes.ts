import type { LocalClusterStatus } from '../../contract';
import type { Caller } from '../../base/audit';
import type { ServiceContext } from '../context';
import { NodeEventFollower, type NodeTaskEvent } from './node-events';

/** Berth itself reading its own cluster's status (a read: never audited). */
const SELF: Caller = { role: 'viewer', user: 'berth', via: 'cli' };

/** The nodes whose engines Berth can follow: its local cluster's running nodes, while connected to its manager. */
export function followedEndpoints(s: LocalClusterStatus | undefined): string[] {
  if (!s?.exists || !s.connected) return [];
  return s.nodes.filter((n) => n.state === 'running').map((n) => n.endpoint);
}

/**
 * While the backend follows live data and is connected to the manager of the local cluster it created, follows
 * each node engine's own task container events (`NodeEventFollower`) and hands them to `onEvent`; the set of nodes
 * follows `cluster.status` (a node stopped or started) and the engine connection. Returns the disposer.
 */
export function followClusterNodes(ctx: Pick<ServiceContext, 'bus' | 'call' | 'live'>, onEvent: (e: NodeTaskEvent) => void): () => void {
  if (!ctx.live.follow) return () => undefined;
  const follower = new NodeEventFollower(onEvent);
  let disposed = false;
  const apply = (s: LocalClusterStatus | undefined) => {
    if (!disposed) follower.setNodes(followedEndpoints(s));
  };
  const read = () => void ctx.call('cluster.status', {}, SELF).then(apply, () => apply(undefined));
  const offCluster = ctx.bus.on('cluster.status', apply);
  const offEngine = ctx.bus.on('engine.status', (e) => (e.state === 'connected' ? read() : apply(undefined)));
  if (ctx.bus.lastPayload('engine.status')?.state === 'connected') read();
  return () => {
    disposed = true;
    offCluster();
    offEngine();
    follower.dispose();
  };
}
