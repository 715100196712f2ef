import type { TaskInfo } from '../../api/contract';

/**
 * How many of a task's steps are finished (done or skipped) out of how many: the one count every view shows.
 * With steps, they are the source; a task that knows more steps are coming (a build's "Step 3/7") reports a
 * larger total through its progress, which is kept. Undefined when the task counts no steps.
 */
export function stepCounts(task: Pick<TaskInfo, 'progress' | 'steps'>): { done: number; total: number } | undefined {
  const steps = task.steps ?? [];
  const p = task.progress;
  if (steps.length === 0) {
    return p?.unit === 'steps' && p.current !== undefined && p.total !== undefined ? { done: p.current, total: p.total } : undefined;
  }
  const done = steps.filter((s) => s.state === 'done' || s.state === 'skipped').length;
  const announced = p?.unit === 'steps' && p.total !== undefined ? p.total : 0;
  return { done, total: Math.max(steps.length, announced) };
}
