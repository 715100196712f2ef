import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';

interface Props {
  id: string;
  title: string;
  submitLabel: string;
  busy: boolean;
  error: BerthErrorData | null;
  canSubmit: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A small swarm form in a dialog: the engine's error first (it may concern a field below), Enter submits. */
export function FormDialog({
  id,
  title,
  submitLabel,
  busy,
  error,
  canSubmit,
  onSubmit,
  onClose,
  children,
}: Props) {
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={id} maxWidth="sm" fullWidth>
      <DialogTitle id={id}>{title}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          noValidate
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (canSubmit && !busy) onSubmit();
          }}
        >
          {error && (
            <Alert severity="error" role="alert">
              {error.message}
              <ErrorDetails details={error.details} />
            </Alert>
          )}
          {children}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={onSubmit}
          disabled={busy || !canSubmit}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
