import { Button } from '@mui/material';
import type { TaskInfo } from '../../api/contract';
import { useTaskAction } from '../../stores/tasksList';

interface Props {
  task: TaskInfo | undefined;
  /** Label of the button that starts the task, e.g. "Pull". */
  startLabel: string;
  canStart: boolean;
  starting: boolean;
  onClose: () => void;
  /** Back to the form after a failed or cancelled run. */
  onRetry: () => void;
  /** What to do next once the task succeeded (e.g. "Run it" after a pull), as the dialog's main button. */
  next?: { label: string; onClick: () => void };
}

/**
 * The buttons of a dialog (inside its form) that starts a task: Start before, Cancel (stops the task) and Hide (it keeps running
 * in the tasks panel) while it runs, Close after — and Try again when it failed.
 */
export function TaskDialogActions({ task, startLabel, canStart, starting, onClose, onRetry, next }: Props) {
  const taskAction = useTaskAction();
  const cancelTask = (id: string) => taskAction(id, 'cancel');
  if (!task) {
    return (
      <>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={!canStart || starting}>
          {startLabel}
        </Button>
      </>
    );
  }
  if (task.state === 'running') {
    return (
      <>
        <Button color="error" disabled={!task.cancellable} onClick={() => void cancelTask(task.id)}>
          Cancel {startLabel.toLowerCase()}
        </Button>
        <Button onClick={onClose}>Hide</Button>
      </>
    );
  }
  return (
    <>
      {task.state !== 'succeeded' && <Button onClick={onRetry}>Try again</Button>}
      <Button variant={next && task.state === 'succeeded' ? 'text' : 'contained'} onClick={onClose}>
        Close
      </Button>
      {next && task.state === 'succeeded' && (
        <Button variant="contained" onClick={next.onClick}>
          {next.label}
        </Button>
      )}
    </>
  );
}
