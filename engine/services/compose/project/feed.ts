import type Dockerode from 'dockerode';
import { ErrorCode, type ComposeProjectSummary } from '../../../contract';
import type { DockerEvent } from '../../../docker/events';
import { BerthError } from '../../../base/errors';
import type { EventBus } from '../../../base/event-bus';
import type { RelistReason } from '../../engine/engine-manager';
import { LABEL, projectFilter } from '../labels';
import { summariesFromEngine, summarise, summaryOf } from './summaries';
import type { StoredComposeProject } from '../../../store/types';

export interface FeedEngine {
  docker(): Dockerode;
  onEvent(listener: (event: DockerEvent) => void): () => void;
  onRelist(listener: (reason: RelistReason) => void): () => void;
}

/**
 * The live 'compose.changed' feed: a container event that carries a compose project label makes that one
 * project be recomputed (bursts coalesced); every (re)connect and reconciliation sends a full reset.
 */
export class ComposeFeed {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly off: (() => void)[];
  private disposed = false;

  constructor(
    private readonly engine: FeedEngine,
    private readonly bus: EventBus,
    private readonly stored: () => StoredComposeProject[],
    private readonly coalesceMs = 60,
  ) {
    this.off = [
      engine.onEvent((e) => this.onEvent(e)),
      engine.onRelist(() => void this.reset()),
    ];
  }

  async list(): Promise<ComposeProjectSummary[]> {
    const docker = this.engine.docker();
    const containers = await docker.listContainers({ all: true, filters: { label: [LABEL.project] } });
    return summarise(summariesFromEngine(containers), this.stored());
  }

  /** Recompute one project now (after Berth itself changed it, e.g. forgot it). */
  touch(project: string): void {
    this.pending.add(project);
    this.timer ??= setTimeout(() => void this.flush(), this.coalesceMs);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const off of this.off) off();
  }

  private async reset(): Promise<void> {
    try {
      const items = await this.list();
      if (!this.disposed) this.bus.emit('compose.changed', { kind: 'reset', items });
    } catch (err) {
      if (!(err instanceof BerthError && err.code === ErrorCode.ENGINE_UNREACHABLE)) {
        console.warn('[berth] compose relist failed:', err instanceof Error ? err.message : err);
      }
    }
  }

  private onEvent(e: DockerEvent): void {
    const project = e.type === 'container' ? e.attributes[LABEL.project] : undefined;
    if (!project || /^(exec_|attach|detach|resize|top|export|commit|copy|archive-path|extract-to-dir)/.test(e.action)) return;
    this.touch(project);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const projects = [...this.pending];
    this.pending.clear();
    const upserts: ComposeProjectSummary[] = [];
    const removed: string[] = [];
    try {
      const docker = this.engine.docker();
      for (const name of projects) {
        const list = summariesFromEngine(await docker.listContainers({ all: true, filters: { label: projectFilter(name, { oneoff: false }) } }));
        const stored = this.stored().find((s) => s.name === name);
        if (list.length === 0 && !stored) removed.push(name);
        else upserts.push(summaryOf(name, list, stored));
      }
    } catch {
      return; // disconnected: the relist after reconnecting corrects the list
    }
    if (!this.disposed && (upserts.length || removed.length)) this.bus.emit('compose.changed', { kind: 'patch', upserts, removed });
  }
}
