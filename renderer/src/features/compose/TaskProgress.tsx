import {
  Alert,
  AlertTitle,
  Box,
  Button,
  CircularProgress,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Paper,
  Typography,
} from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import CloseIcon from '@mui/icons-material/Close';
import type { BerthErrorData, TaskInfo, TaskStep } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { failedSteps, overallFraction, stepText } from './progress';

interface Props {
  task: TaskInfo;
  /** Why the last Cancel did not go through. */
  cancelError?: BerthErrorData;
  onCancel: () => void;
  onClose: () => void;
}

function StepIcon({ step }: { step: TaskStep }) {
  switch (step.state) {
    case 'waiting':
      return <HourglassEmptyIcon fontSize="small" color="disabled" />;
    case 'running':
      return <CircularProgress size={16} aria-hidden />;
    case 'done':
      return <CheckCircleIcon fontSize="small" color="success" />;
    case 'failed':
      return <ErrorIcon fontSize="small" color="error" />;
    case 'skipped':
      return <RemoveCircleOutlineIcon fontSize="small" color="disabled" />;
  }
}

/**
 * The progress of a compose task (up, down, start, ...): overall progress, one row per service with its state
 * (waiting → creating → starting → healthy/started | failed), Cancel while it runs, and on failure an error
 * that names the services and why, with the technical details behind a disclosure.
 */
export function TaskProgress({ task, cancelError, onCancel, onClose }: Props) {
  const fraction = overallFraction(task);
  const steps = task.steps ?? [];
  const failed = failedSteps(task);
  const running = task.state === 'running';
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} role="region" aria-label={`Progress: ${task.title}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {task.title}
          {task.state === 'succeeded' && ' — done'}
          {task.state === 'cancelled' && ' — cancelled'}
        </Typography>
        {running && task.cancellable && (
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {!running && (
          <IconButton size="small" aria-label="Close progress" onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        )}
      </Box>
      <LinearProgress
        variant={fraction === undefined ? 'indeterminate' : 'determinate'}
        value={fraction === undefined ? undefined : Math.round(fraction * 100)}
        color={task.state === 'failed' ? 'error' : task.state === 'succeeded' ? 'success' : 'primary'}
        aria-label={`${task.title} progress`}
        sx={{ my: 1 }}
      />
      {task.message && running && (
        <Typography variant="body2" color="text.secondary">
          {task.message}
        </Typography>
      )}
      {steps.length > 0 && (
        <List dense aria-label="Services progress" disablePadding>
          {steps.map((step) => (
            <ListItem key={step.id} disableGutters aria-label={`${step.label}: ${stepText(step)}`} sx={{ py: 0 }}>
              <ListItemIcon sx={{ minWidth: 28 }}>
                <StepIcon step={step} />
              </ListItemIcon>
              <ListItemText
                primary={step.label}
                secondary={stepText(step)}
                slotProps={{ secondary: { color: step.state === 'failed' ? 'error' : 'text.secondary' } }}
                sx={{ display: 'flex', gap: 2, alignItems: 'baseline', my: 0 }}
              />
              {step.state === 'running' && step.fraction !== undefined && (
                <LinearProgress variant="determinate" value={Math.round(step.fraction * 100)} sx={{ width: 120 }} />
              )}
            </ListItem>
          ))}
        </List>
      )}
      {cancelError && running && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          Could not cancel: {cancelError.message}
        </Alert>
      )}
      {task.state === 'failed' && (
        <Alert severity="error" sx={{ mt: 1 }}>
          <AlertTitle>{task.error?.message ?? `${task.title} failed.`}</AlertTitle>
          {failed.map((s) => (
            <Typography key={s.id} variant="body2">
              {s.label}: {stepText(s)}
            </Typography>
          ))}
          <ErrorDetails details={task.error?.details} />
        </Alert>
      )}
    </Paper>
  );
}
