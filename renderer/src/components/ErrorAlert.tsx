import { Alert } from '@mui/material';
import type { BerthErrorData } from '../api/contract';
import { ErrorDetails } from './ErrorDetails';

/** The backend's message (and its details behind a disclosure) for a call that failed; nothing when there is none. */
export function ErrorAlert({ error, sx }: { error: BerthErrorData | null | undefined; sx?: object }) {
  if (!error) return null;
  return (
    <Alert severity="error" {...(sx ? { sx } : {})}>
      {error.message}
      <ErrorDetails details={error.details} />
    </Alert>
  );
}
