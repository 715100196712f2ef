import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
} from '@mui/material';
import type { BerthErrorData } from '../api/contract';
import { ErrorDetails } from './ErrorDetails';

interface Props {
  /** Unique per dialog kind: names the title for assistive technology. */
  id: string;
  title: string;
  /** What is lost, in plain words (or say it in `children` when it needs more than one paragraph). */
  lost?: ReactNode;
  confirmLabel: string;
  /** The action runs: both buttons wait and the dialog cannot be dismissed. */
  busy?: boolean;
  /** Why the action (or loading what it would do) failed, and what to do next. */
  error?: BerthErrorData | null;
  /** False while there is nothing to confirm (e.g. an empty prune preview, a required option not ticked). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra choices (checkboxes, warnings, previews) under the text. */
  children?: ReactNode;
}

/**
 * The one confirmation for something destructive: says what is lost; Cancel has the focus, the action is red;
 * shows the action's progress and an error that says what to do next.
 */
export function DangerDialog({
  id,
  title,
  lost,
  confirmLabel,
  busy = false,
  error,
  canConfirm = true,
  onConfirm,
  onCancel,
  children,
}: Props) {
  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby={id} maxWidth="sm" fullWidth>
      <DialogTitle id={id}>{title}</DialogTitle>
      <DialogContent>
        {lost !== undefined && <DialogContentText gutterBottom>{lost}</DialogContentText>}
        {children}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error.message}
            <ErrorDetails details={error.details} />
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy} autoFocus>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={onConfirm}
          disabled={busy || !canConfirm}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** One labelled checkbox of a dialog's options. */
export function CheckOption({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: ReactNode;
}) {
  return (
    <FormControlLabel
      control={<Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} />}
      label={label}
    />
  );
}
