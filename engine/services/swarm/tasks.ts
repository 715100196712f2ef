import type Dockerode from 'dockerode';
import type { SwarmTask } from '../../contract';
import type { DockerEvent } from '../../docker/events';
import { LiveCollection, type LiveContext } from '../common/live-collection';
import type { EngineTask } from './engine-types';
import { managerList } from './manager-list';
import type { SwarmStatusTracker } from './membership-status';
import type { NodeTaskEvent } from './node-events';
import { sameTask, toSwarmTask } from './summaries';
import { TasksAhead, taskFromNode } from './tasks-ahead';

/**
 * How often the task list is compared while followed on a manager (the Engine API has no task events, and a
 * remote node's container events never reach this engine). The pause after each comparison is POLL_DUTY times
 * what the last list took, between TASK_POLL_MIN_MS and TASK_POLL_MS: a small swarm is compared every 100 ms
 * (task changes on any node reach the screen well inside 150 ms), a big one backs off to once a second, and the
 * manager never spends more than about a tenth of its time answering the poll (ADR 14).
 */
export const TASK_POLL_MS = 1000;
export const TASK_POLL_MIN_MS = 100;
const POLL_DUTY = 10;

/** The pause before the next comparison, given how long the last list took. */
export const taskPollDelay = (lastReadMs: number): number =>
  Math.min(TASK_POLL_MS, Math.max(TASK_POLL_MIN_MS, Math.round(lastReadMs * POLL_DUTY)));

export type ServiceNames = () => Promise<ReadonlyMap<string, { name: string; stack?: string | undefined }>>;

/** Which tasks changed or are gone between the shown list and a fresh one (updatedAt alone is no change). */
export function diffTasks(current: ReadonlyMap<string, SwarmTask>, fresh: ReadonlyMap<string, SwarmTask>): { changed: string[]; gone: string[] } {
  const changed: string[] = [];
  for (const [id, t] of fresh) {
    const old = current.get(id);
    if (!old || !sameTask(old, t)) changed.push(id);
  }
  const gone = [...current.keys()].filter((id) => !fresh.has(id));
  return { changed, gone };
}

/** The events after which tasks may have changed: services, nodes and the containers tasks run in. */
const touchesTasks = (e: DockerEvent) =>
  e.type === 'service' || e.type === 'node' || (e.type === 'container' && 'com.docker.swarm.task.id' in e.attributes);

/**
 * swarmTasks.list and the live 'swarmTasks.changed' feed (key: task ID). Events that may move tasks lead to one
 * list-and-diff; a reconciliation paced by the list's cost (100 ms to 1 s, taskPollDelay) does the same while the
 * list is followed and this engine is a manager (ADR 14). Only changed tasks are pushed; `onChanged` hears which services they belong to.
 */
export class SwarmTasksService {
  readonly live: LiveCollection<'swarmTasks.changed'>;
  /** The last full list, which fetch answers from (a diff has just read every task). */
  private snapshot = new Map<string, SwarmTask>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  /** How long the last `GET /tasks` (with the service names) took: sets the poll's pace. */
  private lastReadMs = TASK_POLL_MS;
  private readonly offStatus: () => void;
  /** States seen on the nodes' own event streams before the manager listed them. */
  private readonly ahead = new TasksAhead();

  constructor(
    private readonly ctx: LiveContext,
    private readonly status: SwarmStatusTracker,
    private readonly serviceNames: ServiceNames,
    private readonly onChanged: (serviceIds: string[]) => void,
  ) {
    this.live = new LiveCollection(ctx, {
      event: 'swarmTasks.changed',
      what: 'swarm tasks',
      keyOf: (t) => t.id,
      keysFor: async (e, current, docker) => {
        if (!touchesTasks(e)) return [];
        const { changed, gone } = await this.diff(docker, current);
        return { refresh: changed, removed: gone };
      },
      list: async (docker) => {
        this.snapshot = await this.read(docker);
        return [...this.snapshot.values()];
      },
      fetch: (_docker, ids) => Promise.resolve(ids.flatMap((id) => this.snapshot.get(id) ?? [])),
    });
    this.offStatus = status.onChange((s) => this.setPolling(ctx.live.follow && s.isManager));
    if (status.current) this.setPolling(ctx.live.follow && status.current.isManager);
  }

  async list(filter: { serviceId?: string | undefined; nodeId?: string | undefined } = {}): Promise<SwarmTask[]> {
    const all = await this.live.list();
    return all.filter((t) => (!filter.serviceId || t.serviceId === filter.serviceId || t.serviceName === filter.serviceId) && (!filter.nodeId || t.nodeId === filter.nodeId));
  }

  /** Compares a fresh list now and pushes what changed (after the service changed something itself). */
  async reconcile(): Promise<void> {
    const { changed, gone } = await this.diff(this.ctx.engine.docker(), this.live.current);
    // One diff is one batch already: pushed at once, without the event path's coalescing window.
    if (changed.length || gone.length) this.live.refresh([...changed, ...gone], { now: true });
  }

  /**
   * A node's engine says a task's container started or died: the task is patched at once when that moves it
   * forward (the manager lists it ~100 ms later; its lists keep this state until then). A task not listed yet is
   * compared now instead.
   */
  fromNode(e: NodeTaskEvent): void {
    const task = this.live.current.get(e.taskId);
    if (!task) {
      void this.reconcile().catch(() => undefined);
      return;
    }
    const patched = taskFromNode(task, e);
    if (!patched) return;
    this.ahead.set(patched);
    this.snapshot.set(patched.id, patched);
    this.live.refresh([patched.id], { now: true });
  }

  dispose(): void {
    this.offStatus();
    this.setPolling(false);
    this.live.dispose();
  }

  private setPolling(on: boolean): void {
    if (!on) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.polling = false;
      return;
    }
    if (this.polling) return;
    this.polling = true;
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.reconcile()
          .catch(() => undefined)
          .finally(() => {
            if (this.polling) tick();
          });
      }, taskPollDelay(this.lastReadMs));
    };
    tick();
  }

  private async diff(docker: Dockerode, current: ReadonlyMap<string, SwarmTask>): Promise<{ changed: string[]; gone: string[] }> {
    const fresh = await this.read(docker);
    this.snapshot = fresh;
    const d = diffTasks(current, fresh);
    const services = new Set([...d.changed, ...d.gone].map((id) => (fresh.get(id) ?? current.get(id))?.serviceId ?? ''));
    services.delete('');
    if (services.size) this.onChanged([...services]);
    return d;
  }

  private async read(docker: Dockerode): Promise<Map<string, SwarmTask>> {
    const started = performance.now();
    const tasks = await managerList<EngineTask>(docker, { method: 'GET', path: '/tasks' }, 'swarm tasks');
    const names = tasks.length ? await this.serviceNames() : new Map();
    const read = new Map(tasks.map((t) => [t.ID, toSwarmTask(t, names)]));
    this.ahead.apply(read);
    this.lastReadMs = performance.now() - started;
    return read;
  }
}
