import { useState } from 'react';
import { Alert, AlertTitle, Button } from '@mui/material';
import { useMay } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import { retryText } from '../../stores/selectors';

/** Inline banner while the engine is unreachable: what went wrong, when the next try is, and "Retry now". */
export function UnreachableBanner() {
  const status = useBerth((s) => s.engineStatus);
  const reconnect = useBerth((s) => s.reconnectEngine);
  const mayRetry = useMay('engine.reconnect');
  const [busy, setBusy] = useState(false);
  const nextAttemptAt = status?.reconnect?.nextAttemptAt;
  const now = useNow(1000, nextAttemptAt !== undefined);
  if (status?.state !== 'unreachable') return null;
  const retry = retryText(nextAttemptAt, now);
  const where = status.engine ? `${status.engine.label} (${status.engine.endpoint})` : 'the container engine';

  return (
    <Alert
      severity="error"
      sx={{ m: 2, mb: 0 }}
      action={
        mayRetry && (
          <Button
            color="inherit"
            size="small"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void reconnect().finally(() => setBusy(false));
            }}
          >
            Retry now
          </Button>
        )
      }
    >
      <AlertTitle>Cannot reach {where}</AlertTitle>
      {status.error?.message ?? 'The engine does not answer.'}
      {retry ? ` Berth keeps trying (${retry}).` : ''}
      <ErrorDetails details={status.error?.details} />
    </Alert>
  );
}
