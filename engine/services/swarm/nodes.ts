import { ErrorCode, type MethodInput, type SwarmNode, type SwarmNodeDetails } from '../../contract';
import { BerthError } from '../../base/errors';
import { LiveCollection, type LiveContext, type LiveEngine } from '../common/live-collection';
import type { EngineNode } from './engine-types';
import { managerList, swarmCall } from './manager-list';
import type { SwarmStatusTracker } from './membership-status';
import { toSwarmNode } from './summaries';

/** nodes.* and the live 'nodes.changed' feed (key: node ID), fed by the engine's `node` events. */
export class NodesService {
  readonly live: LiveCollection<'nodes.changed'>;
  private readonly engine: LiveEngine;

  constructor(ctx: LiveContext, private readonly status: SwarmStatusTracker) {
    this.engine = ctx.engine;
    const self = () => this.status.current?.nodeId;
    this.live = new LiveCollection(ctx, {
      event: 'nodes.changed',
      what: 'swarm nodes',
      keyOf: (n) => n.id,
      keysFor: (e) => (e.type !== 'node' ? [] : e.action === 'remove' ? { refresh: [], removed: [e.id] } : [e.id]),
      list: async (docker) => {
        const nodes = await managerList<EngineNode>(docker, { method: 'GET', path: '/nodes' }, 'swarm nodes');
        if (nodes.length) await this.status.refresh(docker).catch(() => undefined);
        return nodes.map((n) => toSwarmNode(n, self()));
      },
      fetch: async (docker, ids) => {
        const nodes = await managerList<EngineNode>(docker, { method: 'GET', path: '/nodes' }, 'swarm nodes');
        const wanted = new Set(ids);
        return nodes.filter((n) => wanted.has(n.ID)).map((n) => toSwarmNode(n, self()));
      },
    });
  }

  list(): Promise<SwarmNode[]> {
    return this.live.list();
  }

  async inspect(id: string): Promise<SwarmNodeDetails> {
    const raw = await this.get(id);
    return { ...toSwarmNode(raw, this.status.current?.nodeId), raw };
  }

  /** Availability, role and labels in one update, sent with the version just read. */
  async update(p: MethodInput<'nodes.update'>): Promise<SwarmNode> {
    const node = await this.get(p.id);
    const spec = {
      ...node.Spec,
      ...(p.availability ? { Availability: p.availability } : {}),
      ...(p.role ? { Role: p.role } : {}),
      ...(p.labels ? { Labels: p.labels } : {}),
    };
    const name = node.Description?.Hostname ?? p.id;
    await swarmCall(
      this.engine.docker(),
      { method: 'POST', path: `/nodes/${encodeURIComponent(node.ID)}/update`, query: { version: node.Version?.Index ?? 0 }, body: spec },
      { action: 'update', object: `node ${name}`, status: this.status.current },
    );
    this.live.refresh([node.ID]);
    return toSwarmNode(await this.get(node.ID), this.status.current?.nodeId);
  }

  async remove(id: string, force: boolean): Promise<void> {
    const node = await this.get(id);
    const name = node.Description?.Hostname ?? id;
    if (node.ID === this.status.current?.nodeId) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `Node ${name} is the engine Berth is connected to; it cannot remove itself. Leave the swarm from this engine instead, or remove it from another manager.`,
      );
    }
    if (node.Spec?.Role === 'manager') {
      throw new BerthError(ErrorCode.CONFLICT, `Node ${name} is a manager. Demote it to a worker first, then remove it.`);
    }
    if (!force && node.Status?.State !== 'down') {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `Node ${name} is still ${node.Status?.State ?? 'up'}. Make it leave the swarm (on that machine), or remove it with force: its tasks are then rescheduled elsewhere.`,
        { field: 'force' },
      );
    }
    await swarmCall(
      this.engine.docker(),
      { method: 'DELETE', path: `/nodes/${encodeURIComponent(node.ID)}`, query: { force } },
      { action: 'remove', object: `node ${name}`, status: this.status.current },
    );
    this.live.refresh([node.ID]);
  }

  dispose(): void {
    this.live.dispose();
  }

  private async get(id: string): Promise<EngineNode> {
    const status = await this.status.refresh();
    return swarmCall<EngineNode>(
      this.engine.docker(),
      { method: 'GET', path: `/nodes/${encodeURIComponent(id)}` },
      { action: 'inspect', object: `node ${id}`, status },
    );
  }
}
