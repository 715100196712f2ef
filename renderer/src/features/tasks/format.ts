import { plural, formatBytes, type TaskInfo, type TaskState, type TaskStepState } from '../../api/contract';
import { stepCounts } from '../../components/task/stepCounts';

export { stepCounts };

export const taskStateLabel: Record<TaskState, string> = {
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const taskStateColor: Record<TaskState, 'info' | 'success' | 'error' | 'default'> = {
  running: 'info',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
};

export const stepStateLabel: Record<TaskStepState, string> = {
  waiting: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** 0..100 for a determinate bar, or undefined when the task does not know how far it is. */
export function progressPercent(task: Pick<TaskInfo, 'state' | 'progress'>): number | undefined {
  if (task.state === 'succeeded') return 100;
  const f = task.progress?.fraction;
  return f === undefined ? undefined : Math.round(Math.min(1, Math.max(0, f)) * 100);
}

/** "42%", "12.3 MB / 40.1 MB", "3 of 7 steps": whatever the task reports (step counts from stepCounts). */
export function progressLabel(task: Pick<TaskInfo, 'state' | 'progress' | 'steps'>): string | undefined {
  const parts: string[] = [];
  const percent = progressPercent(task);
  if (percent !== undefined && task.state === 'running') parts.push(`${percent}%`);
  const counts = task.progress?.unit === 'steps' ? stepCounts(task) : undefined;
  if (counts) {
    parts.push(`${counts.done} of ${plural(counts.total, 'step')}`);
    return parts.join(' · ');
  }
  const { current, total, unit } = task.progress ?? {};
  if (current !== undefined) {
    const fmt = unit === 'bytes' ? formatBytes : (n: number) => String(n);
    const suffix = unit === 'steps' ? ' steps' : unit === 'items' ? ' items' : '';
    parts.push(
      total !== undefined ? `${fmt(current)} of ${fmt(total)}${suffix}` : `${fmt(current)}${suffix}`,
    );
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
