import { Box, Chip, LinearProgress, Tooltip } from '@mui/material';
import type { TaskInfo } from '../../api/contract';
import { useTaskAction } from '../../stores/tasksList';
import { useBerth } from '../../stores/context';
import { overallFraction } from './progress';
import { TaskProgress } from './TaskProgress';

/**
 * The latest task Berth started for the project (up, down, ...), live from the tasks slice (which follows
 * 'tasks.changed'); undefined before its first update arrives and after it was dismissed.
 */
export function useProjectTask(project: string): TaskInfo | undefined {
  const taskId = useBerth((s) => s.composeTasks[project]?.taskId);
  return useBerth((s) => (taskId ? s.tasks.items[taskId] : undefined));
}

/** The full progress view of the project's latest task (project page). */
export function ProjectTaskPanel({ project }: { project: string }) {
  const taskAction = useTaskAction();
  const cancel = (id: string) => taskAction(id, 'cancel');
  const clear = useBerth((s) => s.clearComposeTask);
  const task = useProjectTask(project);
  const cancelError = useBerth((s) => (task ? s.tasks.errors[task.id]?.error : undefined));
  if (!task) return null;
  return (
    <TaskProgress
      task={task}
      cancelError={cancelError}
      onCancel={() => void cancel(task.id)}
      onClose={() => clear(project)}
    />
  );
}

/** A compact view of the project's latest task for a list row: a thin bar while it runs, a chip when it failed. */
export function ProjectTaskBadge({ task }: { task: TaskInfo | undefined }) {
  if (!task) return null;
  if (task.state === 'running') {
    const fraction = overallFraction(task);
    return (
      <Box sx={{ width: 80 }} title={task.message ?? task.title}>
        <LinearProgress
          aria-label={`${task.title} progress`}
          variant={fraction === undefined ? 'indeterminate' : 'determinate'}
          value={fraction === undefined ? undefined : Math.round(fraction * 100)}
        />
      </Box>
    );
  }
  if (task.state === 'failed') {
    return (
      <Tooltip title={task.error?.message ?? 'Failed: open the project for details'}>
        <Chip size="small" color="error" variant="outlined" label={`${task.title} failed`} />
      </Tooltip>
    );
  }
  return null;
}
