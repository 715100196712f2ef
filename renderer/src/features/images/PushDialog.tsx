import { useState, type FormEvent } from 'react';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { parseImageReference, registryOf, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TaskDialogActions } from '../../components/task/TaskDialogActions';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useTaskInfo } from '../../components/task/useTaskInfo';
import { useBerth } from '../../stores/context';
import type { ImageRow } from './view';

/** Push one of the image's names to its registry, with per-layer progress. */
export function PushDialog({ row, onClose }: { row: ImageRow; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [ref, setRef] = useState(row.repoTags[0] ?? '');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [taskId, setTaskId] = useState<string>();
  const task = useTaskInfo(taskId);
  const parsed = parseImageReference(ref);
  const registry = parsed.ok ? registryOf(parsed.ref) : '';

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (starting || !ref) return;
    setStarting(true);
    setError(null);
    const result = await client.call('images.push', { ref });
    setStarting(false);
    if (result.ok) setTaskId(result.value.taskId);
    else setError(result.error);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="push-title">
      <DialogTitle id="push-title">Push an image</DialogTitle>
      <form onSubmit={(e) => void start(e)} noValidate>
        <DialogContent>
          <DialogContentText gutterBottom>
            The registry is the host at the start of the name{registry ? ` (here ${registry})` : ''}. To push
            elsewhere, tag the image with that host first.
          </DialogContentText>
          <TextField
            select
            fullWidth
            label="Name to push"
            value={ref}
            disabled={task !== undefined}
            onChange={(e) => setRef(e.target.value)}
            sx={{ mb: 1 }}
          >
            {row.repoTags.map((t) => (
              <MenuItem key={t} value={t}>
                {t}
              </MenuItem>
            ))}
          </TextField>
          <ErrorAlert error={error} />
          {task && <TaskPanel task={task} />}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel="Push"
            canStart={Boolean(ref)}
            starting={starting}
            onClose={onClose}
            onRetry={() => setTaskId(undefined)}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
