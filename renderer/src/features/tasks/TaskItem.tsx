import { useState } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, Typography } from '@mui/material';
import { formatDuration, type TaskInfo } from '../../api/contract';
import { useMayCall } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useTaskAction } from '../../stores/tasksList';
import { useBerth } from '../../stores/context';
import { progressLabel, progressPercent, taskStateColor, taskStateLabel } from './format';
import { TaskLogDialog } from './TaskLogDialog';
import { TaskSteps } from './TaskSteps';

/** One task in the tasks panel: state, overall progress, latest message, steps, error, and its actions. */
export function TaskItem({ task, now }: { task: TaskInfo; now: number }) {
  const pending = useBerth((s) => s.tasks.pending[task.id]);
  const actionError = useBerth((s) => s.tasks.errors[task.id]?.error);
  const taskAction = useTaskAction();
  const cancelTask = (id: string) => taskAction(id, 'cancel');
  const dismissTask = (id: string) => taskAction(id, 'dismiss');
  const may = useMayCall();
  const client = useBerth((s) => s.client);
  const [showLog, setShowLog] = useState(false);
  const running = task.state === 'running';
  const percent = progressPercent(task);
  const label = progressLabel(task);
  const elapsed = (task.endedAt ?? now) - task.startedAt;

  return (
    <Box
      component="li"
      aria-label={task.title}
      sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography
          variant="subtitle2"
          sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          title={task.title}
        >
          {task.title}
        </Typography>
        <Chip
          size="small"
          label={taskStateLabel[task.state]}
          color={taskStateColor[task.state]}
          variant={running ? 'outlined' : 'filled'}
        />
      </Box>
      {(running || task.state === 'succeeded') && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
          <LinearProgress
            aria-label={`${task.title} progress`}
            variant={percent === undefined ? 'indeterminate' : 'determinate'}
            {...(percent === undefined ? {} : { value: percent })}
            color={task.state === 'succeeded' ? 'success' : 'primary'}
            sx={{ flex: 1 }}
          />
          {label && (
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
              {label}
            </Typography>
          )}
        </Box>
      )}
      {task.message && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {task.message}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" component="div">
        {running ? `Running for ${formatDuration(elapsed)}` : `Took ${formatDuration(elapsed)}`}
      </Typography>
      <TaskSteps task={task} />
      {task.error && (
        <Alert severity={task.state === 'cancelled' ? 'info' : 'error'} sx={{ mt: 1 }}>
          {task.error.message}
          <ErrorDetails details={task.error.details} />
        </Alert>
      )}
      {actionError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {actionError.message}
        </Alert>
      )}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 1 }}>
        {task.hasLog && (
          <Button size="small" onClick={() => setShowLog(true)} aria-label={`Show log of ${task.title}`}>
            Show log
          </Button>
        )}
        {running && task.cancellable && may('tasks.cancel') && (
          <Button
            size="small"
            color="error"
            disabled={pending === 'cancel'}
            onClick={() => void cancelTask(task.id)}
            aria-label={`Cancel ${task.title}`}
          >
            {pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {!running && may('tasks.dismiss') && (
          <Button
            size="small"
            disabled={pending === 'dismiss'}
            onClick={() => void dismissTask(task.id)}
            aria-label={`Dismiss ${task.title}`}
          >
            Dismiss
          </Button>
        )}
      </Box>
      {showLog && (
        <TaskLogDialog
          client={client}
          taskId={task.id}
          title={task.title}
          onClose={() => setShowLog(false)}
        />
      )}
    </Box>
  );
}
