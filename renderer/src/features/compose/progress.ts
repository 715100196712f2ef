import type { TaskInfo, TaskStep } from '../../api/contract';

/** Overall progress 0..1: the task's own fraction when it has one, else the share of finished steps. */
export function overallFraction(task: TaskInfo): number | undefined {
  if (task.state !== 'running') return 1;
  if (task.progress?.fraction !== undefined) return task.progress.fraction;
  const steps = task.steps ?? [];
  if (steps.length === 0) return undefined;
  const finished = steps.filter((s) => s.state === 'done' || s.state === 'failed' || s.state === 'skipped').length;
  const partial = steps.filter((s) => s.state === 'running').reduce((sum, s) => sum + (s.fraction ?? 0.5), 0);
  return (finished + partial) / steps.length;
}

/** "web: port 8080 is already allocated" for each failed step, so the error names the service and why. */
export function failedSteps(task: TaskInfo): TaskStep[] {
  return (task.steps ?? []).filter((s) => s.state === 'failed');
}

const stepWords: Record<TaskStep['state'], string> = {
  waiting: 'Waiting',
  running: 'Working',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** The text after a step's name: the backend's detail ("Creating", "Healthy", "Waiting for db") or its state. */
export const stepText = (step: TaskStep): string => step.detail ?? stepWords[step.state];
