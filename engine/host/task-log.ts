import type { EventBus } from '../base/event-bus';

/**
 * One log line when a task starts and one when it ends (state, duration, error), for a host's log: enough to
 * tell afterwards which operation hung or failed, without the progress noise in between.
 */
export function logTaskLifecycle(bus: EventBus, write: (line: string) => void): () => void {
  const running = new Set<string>();
  const ended = new Set<string>();
  return bus.on('tasks.changed', (patch) => {
    if (patch.kind !== 'patch') return;
    for (const t of patch.upserts) {
      if (ended.has(t.id)) continue;
      if (t.state === 'running') {
        if (!running.has(t.id)) write(`[berth] task ${t.id} ${t.kind} started: ${t.title}`);
        running.add(t.id);
        continue;
      }
      running.delete(t.id);
      ended.add(t.id);
      const secs = ((Date.now() - t.startedAt) / 1000).toFixed(1);
      write(
        `[berth] task ${t.id} ${t.kind} ${t.state} after ${secs} s${t.error ? `: ${t.error.code}: ${t.error.message}` : ''}`,
      );
    }
    for (const id of patch.removed) ended.delete(id);
  });
}
