import type Dockerode from 'dockerode';
import { ErrorCode, type ContainerSummary } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { changesContainerRow } from '../common/container-events';
import { LiveCollection, type LiveContext, type LiveEngine } from '../common/live-collection';
import { toContainerSummary } from '../common/container-summary';

/**
 * containers.* methods, and the live 'containers.changed' feed: a patch built from fetching only the
 * containers named by engine events, and a reset after every (re)connect and reconciliation.
 */
export class ContainersService {
  readonly live: LiveCollection<'containers.changed'>;
  private readonly engine: LiveEngine;

  constructor(ctx: LiveContext) {
    this.engine = ctx.engine;
    this.live = new LiveCollection(ctx, {
      event: 'containers.changed',
      what: 'containers',
      keyOf: (c) => c.id,
      keysFor: (event) => {
        if (!event.id || !changesContainerRow(event)) return [];
        return event.action === 'destroy' ? { refresh: [], removed: [event.id] } : [event.id];
      },
      list: (docker) => listContainers(docker),
      fetch: (docker, ids) => listContainers(docker, ids),
    });
  }

  list(): Promise<ContainerSummary[]> {
    return this.live.list();
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
    this.live.dispose();
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
}

/** All containers, or only these (one request for every container touched in a window). */
async function listContainers(docker: Dockerode, ids?: string[]): Promise<ContainerSummary[]> {
  try {
    return (await docker.listContainers({ all: true, ...(ids ? { filters: { id: ids } } : {}) })).map(toContainerSummary);
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'containers' });
  }
}

const timeoutOpts = (seconds: number | undefined) => (seconds === undefined ? {} : { t: seconds });
