import { useState, type FormEvent } from 'react';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { parseImageReference, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TaskDialogActions } from '../../components/task/TaskDialogActions';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useTaskInfo } from '../../components/task/useTaskInfo';
import { useBerth } from '../../stores/context';

/** The reference field's complaint, or undefined when it is valid. */
export function referenceProblem(ref: string): string | undefined {
  const parsed = parseImageReference(ref);
  return parsed.ok ? undefined : `Not a valid image reference: ${parsed.reason}.`;
}

/**
 * Pull an image: a reference with inline validation, then the pull's progress until it is done. `next` offers what
 * comes after a successful pull (e.g. "Run it") with the reference that was pulled.
 */
export function PullDialog({
  onClose,
  initialRef = '',
  next,
}: {
  onClose: () => void;
  initialRef?: string;
  next?: { label: string; onClick: (ref: string) => void };
}) {
  const client = useBerth((s) => s.client);
  const [ref, setRef] = useState(initialRef);
  const [touched, setTouched] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [taskId, setTaskId] = useState<string>();
  const task = useTaskInfo(taskId);
  const problem = referenceProblem(ref);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || starting) return;
    setStarting(true);
    setError(null);
    const result = await client.call('images.pull', { ref: ref.trim() });
    setStarting(false);
    if (result.ok) setTaskId(result.value.taskId);
    else setError(result.error);
  };

  const showProblem = touched && ref.trim() !== '' ? problem : undefined;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="pull-title">
      <DialogTitle id="pull-title">Pull an image</DialogTitle>
      <form onSubmit={(e) => void start(e)} noValidate>
        <DialogContent>
          <DialogContentText gutterBottom>
            Download an image from a registry, e.g. <code>nginx:1.27</code>, <code>ghcr.io/org/app:2</code> or{' '}
            <code>127.0.0.1:5000/team/tool:latest</code>. Without a tag, <code>latest</code> is pulled.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label="Image reference"
            value={ref}
            disabled={task !== undefined}
            onChange={(e) => {
              setRef(e.target.value);
              setError(null);
            }}
            onBlur={() => setTouched(true)}
            error={Boolean(showProblem)}
            helperText={showProblem ?? ' '}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } }}
          />
          <ErrorAlert error={error} />
          {task && <TaskPanel task={task} />}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel="Pull"
            canStart={ref.trim() !== '' && !(touched && problem)}
            starting={starting}
            onClose={onClose}
            onRetry={() => setTaskId(undefined)}
            {...(next ? { next: { label: next.label, onClick: () => next.onClick(ref.trim()) } } : {})}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
