import { Alert } from '@mui/material';
import type { BerthErrorData } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';

/** The backend's message (and its details) for a call that failed. */
export function ErrorAlert({ error, sx }: { error: BerthErrorData | null | undefined; sx?: object }) {
  if (!error) return null;
  return (
    <Alert severity="error" sx={{ mt: 1, ...sx }}>
      {error.message}
      <ErrorDetails details={error.details} />
    </Alert>
  );
}
