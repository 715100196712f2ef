import { useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { CopyableCommand } from '../../../components/CopyableCommand';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';

/** Autolock's unlock key: shown on request, rotated after confirmation (the old key stops working). */
export function UnlockKey() {
  const client = useBerth((s) => s.client);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = async (rotate: boolean) => {
    setBusy(true);
    setError(null);
    const r = await client.call('swarm.unlockKey', { rotate });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setKey(r.value.key);
    setConfirm(false);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Unlock key
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        Autolock is on: a restarted manager stays locked until it is given this key. Store it somewhere safe.
      </Typography>
      {error && !confirm && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
      <Stack spacing={1}>
        {key !== null && <CopyableCommand command={key || '(no key: autolock is off)'} />}
        <Stack direction="row" spacing={1}>
          {key === null ? (
            <Button variant="outlined" onClick={() => void load(false)} disabled={busy}>
              Show unlock key
            </Button>
          ) : (
            <Button onClick={() => setKey(null)}>Hide unlock key</Button>
          )}
          <Button color="warning" onClick={() => setConfirm(true)}>
            Rotate unlock key…
          </Button>
        </Stack>
      </Stack>
      {confirm && (
        <DangerDialog
          id="rotate-unlock-key-title"
          title="Rotate the unlock key?"
          lost="The current key no longer unlocks this swarm's managers once they have the new one. Save the new key before a manager restarts."
          confirmLabel="Rotate key"
          busy={busy}
          error={error}
          onConfirm={() => void load(true)}
          onCancel={() => setConfirm(false)}
        />
      )}
    </Paper>
  );
}
