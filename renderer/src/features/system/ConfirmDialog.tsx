import type { ReactNode } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { BerthErrorData } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';

interface Props {
  title: string;
  /** What will be lost, and anything else the person should know before confirming. */
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: BerthErrorData | null;
  /** False while there is nothing to confirm (e.g. an empty prune preview). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirms a destructive action; shows its progress and an error that says what to do next. */
export function ConfirmDialog({ title, children, confirmLabel, busy = false, error, canConfirm = true, onConfirm, onCancel }: Props) {
  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby="confirm-title" maxWidth="sm" fullWidth>
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
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
        <Button color="error" variant="contained" onClick={onConfirm} disabled={busy || !canConfirm} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
