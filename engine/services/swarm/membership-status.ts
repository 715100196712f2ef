import type Dockerode from 'dockerode';
import type { SwarmStatus } from '../../contract';
import type { EventBus } from '../../base/event-bus';
import type { LiveContext, LiveEngine } from '../common/live-collection';
import { mapSwarmError } from './errors';
import { parseSwarmStatus, sameStatus, type EngineSwarmInfo } from './status';

/**
 * This engine's swarm membership, from GET /info. Pushes 'swarm.status' when it changes: after the service's
 * own init/join/leave/unlock, on node events (promotion, demotion, another manager leading) and after every
 * (re)connect or reconciliation of the engine link.
 */
export class SwarmStatusTracker {
  private last: SwarmStatus | undefined;
  private readonly listeners = new Set<(s: SwarmStatus) => void>();
  private readonly off: (() => void)[] = [];
  private readonly engine: LiveEngine;
  private readonly bus: EventBus;

  constructor(ctx: LiveContext) {
    this.engine = ctx.engine;
    this.bus = ctx.bus;
    if (!ctx.live.follow) return;
    this.off.push(
      ctx.engine.onEvent((e) => {
        if (e.type === 'node') void this.refresh().catch(() => undefined);
      }),
      ctx.engine.onRelist(() => void this.refresh().catch(() => undefined)),
    );
  }

  /** The last status read (undefined until the first read). */
  get current(): SwarmStatus | undefined {
    return this.last;
  }

  /** Reads the status now, pushes it if it changed, and returns it. */
  async refresh(docker: Dockerode = this.engine.docker()): Promise<SwarmStatus> {
    let info: { Swarm?: EngineSwarmInfo };
    try {
      info = (await docker.info()) as { Swarm?: EngineSwarmInfo };
    } catch (err) {
      throw mapSwarmError(err, { action: 'read the swarm status of', object: 'the engine' });
    }
    const next = parseSwarmStatus(info);
    if (!sameStatus(this.last, next)) {
      this.last = next;
      this.bus.emit('swarm.status', next);
      for (const l of this.listeners) l(next);
    }
    return next;
  }

  /** Called with every changed status (the tasks poll starts and stops on it). */
  onChange(listener: (s: SwarmStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const off of this.off) off();
    this.listeners.clear();
  }
}
