import {
  Alert,
  Box,
  CircularProgress,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import { plural, formatBytes, type TaskInfo, type TaskStep } from '../../api/contract';
import { ErrorDetails } from '../ErrorDetails';
import { stepCounts } from './stepCounts';

function StepIcon({ state }: { state: TaskStep['state'] }) {
  if (state === 'done') return <CheckCircleIcon fontSize="small" color="success" />;
  if (state === 'failed') return <ErrorIcon fontSize="small" color="error" />;
  if (state === 'running') return <CircularProgress size={16} aria-hidden />;
  return <HourglassEmptyIcon fontSize="small" color="disabled" />;
}

const percent = (f: number | undefined) => (f === undefined ? undefined : Math.round(f * 100));

function counters(task: TaskInfo): string {
  const counts = task.progress?.unit === 'steps' ? stepCounts(task) : undefined;
  if (counts) return `${counts.done} of ${plural(counts.total, 'step')}`;
  const p = task.progress;
  if (!p || p.total === undefined || p.current === undefined || p.total === 0) return '';
  return p.unit === 'bytes'
    ? `${formatBytes(p.current)} / ${formatBytes(p.total)}`
    : `${p.current} / ${p.total} ${p.unit ?? ''}`.trim();
}

/**
 * Inline progress of a task (image pull, push, build, load, import, or any task with steps): the overall bar,
 * the latest status line, one row per layer or build step, and the error with its details when it failed. The
 * same task shows in the app's task panel; this is the view for the dialog that started it.
 */
export function TaskPanel({ task, maxSteps = 8 }: { task: TaskInfo; maxSteps?: number }) {
  const ended = task.state !== 'running';
  // An ended task's bar stands still: full when done, where it stopped otherwise.
  const fraction = task.state === 'succeeded' ? 1 : (task.progress?.fraction ?? (ended ? 0 : undefined));
  const steps = task.steps ?? [];
  const counts = stepCounts(task);
  // Layers still moving first, so the ones that matter are in view for a pull of many layers.
  const shown = [...steps]
    .sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running'))
    .slice(0, maxSteps);
  const status =
    task.state === 'succeeded'
      ? 'Done'
      : task.state === 'cancelled'
        ? 'Cancelled'
        : task.state === 'failed'
          ? 'Failed'
          : `${percent(fraction) ?? '…'}${fraction === undefined ? '' : '%'}`;
  return (
    <Box role="region" aria-label={`Progress of ${task.title}`} sx={{ mt: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {task.title}
        </Typography>
        <Typography variant="body2" role="status" aria-live="polite">
          {status}
        </Typography>
      </Box>
      <LinearProgress
        aria-label={`${task.title} progress`}
        variant={fraction === undefined ? 'indeterminate' : 'determinate'}
        value={percent(fraction)}
        color={task.state === 'failed' ? 'error' : task.state === 'succeeded' ? 'success' : 'primary'}
        sx={{ my: 1 }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ minHeight: 20 }}>
        {task.state === 'failed' ? '' : task.message}
        {counters(task) && !ended ? ` · ${counters(task)}` : ''}
      </Typography>
      {shown.length > 0 && (
        <List dense disablePadding aria-label="Steps" sx={{ maxHeight: 240, overflow: 'auto' }}>
          {shown.map((s) => (
            <ListItem key={s.id} disableGutters sx={{ py: 0 }}>
              <ListItemIcon sx={{ minWidth: 28 }}>
                <StepIcon state={s.state} />
              </ListItemIcon>
              <ListItemText
                primary={s.label}
                secondary={s.detail}
                slotProps={{
                  primary: {
                    variant: 'body2',
                    sx: { fontFamily: s.id.startsWith('step-') ? undefined : 'monospace' },
                  },
                  secondary: { variant: 'caption' },
                }}
              />
            </ListItem>
          ))}
          {steps.length > shown.length && (
            <Typography variant="caption" color="text.secondary">
              {steps.length - shown.length} more, {counts?.done} of {counts?.total} done
            </Typography>
          )}
        </List>
      )}
      {task.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {task.error.message}
          <ErrorDetails details={task.error.details ?? task.error.code} />
        </Alert>
      )}
    </Box>
  );
}
