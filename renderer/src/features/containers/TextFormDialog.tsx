import { useState } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import type { BerthErrorData, Result } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';

export interface TextField {
  name: string;
  label: string;
  initial: string;
  placeholder?: string;
  /** A message when the value cannot be used, checked as the user types. */
  check?: (value: string) => string | undefined;
}

interface Props<T> {
  title: string;
  description: string;
  fields: readonly TextField[];
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<Result<T>>;
  onClose: () => void;
  onDone: (value: T) => void;
}

/** A small dialog of text fields (rename, commit): inline checks, the engine's error kept in the dialog. */
export function TextFormDialog<T>({
  title,
  description,
  fields,
  submitLabel,
  busyLabel,
  onSubmit,
  onClose,
  onDone,
}: Props<T>) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const problems = Object.fromEntries(fields.map((f) => [f.name, f.check?.(values[f.name] ?? '')]));
  const invalid = Object.values(problems).some(Boolean);

  const submit = async () => {
    if (invalid) return;
    setBusy(true);
    setError(null);
    const r = await onSubmit(values);
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="text-form-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="text-form-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {error.message}
            <ErrorDetails details={error.details} />
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {fields.map((f, i) => (
            <TextField
              key={f.name}
              label={f.label}
              value={values[f.name] ?? ''}
              placeholder={f.placeholder}
              autoFocus={i === 0}
              fullWidth
              margin="dense"
              disabled={busy}
              error={Boolean(problems[f.name])}
              helperText={problems[f.name]}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            />
          ))}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={busy || invalid}
          onClick={() => void submit()}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {busy ? busyLabel : submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
