import type Dockerode from 'dockerode';
import { ErrorCode, type ContainerSummary } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import type { EventBus } from '../../base/event-bus';
import { toContainerSummary } from './summary';
import type { RelistReason } from '../engine/engine-manager';

/** The slice of the engine connection this service needs (EngineManager implements it). */
export interface EngineAccess {
  docker(): Pick<Dockerode, 'listContainers' | 'getContainer'>;
  onEvent(listener: (event: DockerEvent) => void): () => void;
  onRelist(listener: (reason: RelistReason) => void): () => void;
}

/** Container events that cannot change a row of the list; fetching for them would only cost requests. */
const IGNORED_ACTIONS = /^(exec_|attach|detach|resize|top|export|commit|copy|archive-path|extract-to-dir)/;

export interface ContainersServiceOptions {
  /** Events for the same containers within this window become one fetch and one patch. */
  coalesceMs?: number;
}

/**
 * containers.* methods, and the live 'containers.changed' feed: a patch built from fetching only the
 * containers named by engine events, and a reset after every (re)connect and reconciliation.
 */
export class ContainersService {
  private readonly coalesceMs: number;
  private readonly pending = new Map<string, 'changed' | 'destroyed'>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[];
  private disposed = false;

  constructor(
    private readonly engine: EngineAccess,
    private readonly bus: EventBus,
    options: ContainersServiceOptions = {},
  ) {
    this.coalesceMs = options.coalesceMs ?? 30;
    this.unsubscribe = [
      engine.onEvent((event) => this.onEngineEvent(event)),
      engine.onRelist((reason) => void this.relist(reason)),
    ];
  }

  async list(): Promise<ContainerSummary[]> {
    const docker = this.engine.docker();
    try {
      return (await docker.listContainers({ all: true })).map(toContainerSummary);
    } catch (err) {
      throw mapDockerError(err, { action: 'list', object: 'containers' });
    }
  }

  start(id: string): Promise<void> {
    return this.act(id, 'start', (c) => c.start(), { alreadyDone: true });
  }

  stop(id: string, timeoutSeconds?: number): Promise<void> {
    return this.act(id, 'stop', (c) => c.stop(timeoutOpts(timeoutSeconds)), { alreadyDone: true });
  }

  restart(id: string, timeoutSeconds?: number): Promise<void> {
    return this.act(id, 'restart', (c) => c.restart(timeoutOpts(timeoutSeconds)));
  }

  pause(id: string): Promise<void> {
    return this.act(id, 'pause', (c) => c.pause());
  }

  unpause(id: string): Promise<void> {
    return this.act(id, 'unpause', (c) => c.unpause());
  }

  remove(id: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    return this.act(id, 'remove', (c) =>
      c.remove({ force: options.force ?? false, v: options.volumes ?? false }),
    );
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    this.pending.clear();
    for (const off of this.unsubscribe) off();
  }

  private async act(
    id: string,
    action: string,
    run: (container: Dockerode.Container) => Promise<unknown>,
    opts: { alreadyDone?: boolean } = {},
  ): Promise<void> {
    const container = this.engine.docker().getContainer(id);
    try {
      await run(container);
    } catch (err) {
      const mapped = mapDockerError(err, { action, object: `container ${id}` });
      // "Already started/stopped" is the state the user asked for.
      if (opts.alreadyDone && mapped.code === ErrorCode.NOT_MODIFIED) return;
      throw mapped;
    }
  }

  private async relist(reason: RelistReason): Promise<void> {
    try {
      const items = await this.list();
      if (!this.disposed) this.bus.emit('containers.changed', { kind: 'reset', items });
    } catch (err) {
      // The connection dropped between the relist request and the answer; the next reconnect relists again.
      console.warn(`[berth] containers relist (${reason}) failed:`, err instanceof Error ? err.message : err);
    }
  }

  private onEngineEvent(event: DockerEvent): void {
    if (event.type !== 'container' || !event.id || IGNORED_ACTIONS.test(event.action)) return;
    this.pending.set(event.id, event.action === 'destroy' ? 'destroyed' : 'changed');
    this.flushTimer ??= setTimeout(() => void this.flush(), this.coalesceMs);
  }

  /** One request for every container touched in the window, one patch for all of them. */
  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    const removed = batch.filter(([, kind]) => kind === 'destroyed').map(([id]) => id);
    const changed = batch.filter(([, kind]) => kind === 'changed').map(([id]) => id);
    let upserts: ContainerSummary[] = [];
    if (changed.length > 0) {
      let docker: ReturnType<EngineAccess['docker']>;
      try {
        docker = this.engine.docker();
        const found = await docker.listContainers({ all: true, filters: { id: changed } });
        upserts = found.map(toContainerSummary);
      } catch (err) {
        // Disconnected meanwhile: the relist after reconnecting brings the list up to date, so only an
        // unexpected failure is worth a log line.
        if (!(err instanceof BerthError && err.code === ErrorCode.ENGINE_UNREACHABLE)) {
          console.warn('[berth] container refresh failed:', err instanceof Error ? err.message : err);
        }
        return;
      }
      // A switch to another engine during the fetch makes this answer describe the wrong engine.
      if (!this.sameEngine(docker)) return;
      // Asked about but not returned: it is gone (destroy may still be on its way, or was missed).
      const foundIds = new Set(upserts.map((c) => c.id));
      for (const id of changed) if (!foundIds.has(id)) removed.push(id);
    }
    if (this.disposed || (upserts.length === 0 && removed.length === 0)) return;
    this.bus.emit('containers.changed', { kind: 'patch', upserts, removed });
  }

  private sameEngine(docker: ReturnType<EngineAccess['docker']>): boolean {
    try {
      return this.engine.docker() === docker;
    } catch {
      return false;
    }
  }
}

const timeoutOpts = (seconds: number | undefined) => (seconds === undefined ? {} : { t: seconds });
