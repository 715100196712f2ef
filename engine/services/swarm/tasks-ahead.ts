import type { SwarmTask, SwarmTaskState } from '../../contract';
import type { NodeTaskEvent } from './node-events';

/** A task's states in the order the swarm moves it through them; every end state ranks last. */
const RANK: Record<SwarmTaskState, number> = {
  new: 0,
  allocated: 1,
  pending: 2,
  assigned: 3,
  accepted: 4,
  preparing: 5,
  ready: 6,
  starting: 7,
  running: 8,
  complete: 9,
  shutdown: 9,
  failed: 9,
  rejected: 9,
  remove: 9,
  orphaned: 9,
};

/** How long a state seen on a node is kept over the manager's older one (the agent's report takes ~100 ms). */
export const AHEAD_MS = 5000;

/**
 * The task as the node's event shows it, when that is ahead of what the manager said: `start` → running; `die`
 * → shutdown when the swarm was stopping it, else complete (exit 0) or failed with the swarm's own error text.
 */
export function taskFromNode(task: SwarmTask, e: NodeTaskEvent): SwarmTask | undefined {
  const state: SwarmTaskState =
    e.action === 'start' ? 'running' : task.desiredState !== 'running' ? 'shutdown' : e.exitCode === 0 ? 'complete' : 'failed';
  if (RANK[state] <= RANK[task.state]) return undefined;
  const failed = state === 'failed' && e.exitCode !== undefined;
  return {
    ...task,
    state,
    stateSince: e.at,
    containerId: e.containerId,
    message: state === 'running' ? 'started' : task.message,
    ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}),
    ...(failed ? { error: `task: non-zero exit (${e.exitCode})` } : {}),
  };
}

/**
 * Task states Berth saw on a node before the manager listed them. A fresh manager list keeps such a state while
 * the manager still shows an earlier one (so the card never steps back), for at most AHEAD_MS; once the manager
 * has caught up (or reports an end state of its own), its version wins and the entry is dropped.
 */
export class TasksAhead {
  private readonly ahead = new Map<string, { task: SwarmTask; until: number }>();

  set(task: SwarmTask, now = Date.now()): void {
    this.ahead.set(task.id, { task, until: now + AHEAD_MS });
  }

  /** Replaces, in `fresh`, the tasks whose node state is still ahead of the manager's. */
  apply(fresh: Map<string, SwarmTask>, now = Date.now()): void {
    for (const [id, { task, until }] of this.ahead) {
      const listed = fresh.get(id);
      if (!listed || now > until || RANK[listed.state] >= RANK[task.state] || RANK[listed.state] === RANK.complete) {
        this.ahead.delete(id);
        continue;
      }
      fresh.set(id, { ...listed, state: task.state, stateSince: task.stateSince, containerId: task.containerId, message: task.message, ...(task.exitCode !== undefined ? { exitCode: task.exitCode } : {}), ...(task.error !== undefined ? { error: task.error } : {}) });
    }
  }

  get size(): number {
    return this.ahead.size;
  }
}
