import { useState } from 'react';
import { Alert, Button, CircularProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';

/** `docker swarm unlock`: an autolocked manager after a restart. */
export function UnlockForm() {
  const client = useBerth((s) => s.client);
  const setSwarmStatus = useBerth((s) => s.setSwarmStatus);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const unlock = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('swarm.unlock', { key: key.trim() });
    setBusy(false);
    if (r.ok) setSwarmStatus(r.value);
    else setError(r.error);
  };
  const wrongKey = error && /key|decrypt|invalid/i.test(error.message);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        The swarm is locked
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Autolock is on and this manager restarted: enter the unlock key (shown by "docker swarm unlock-key" on
        another manager, or saved when autolock was turned on).
      </Typography>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        sx={{ alignItems: 'flex-start' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) void unlock();
        }}
      >
        <TextField
          label="Unlock key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          type="password"
          autoComplete="off"
          sx={{ flex: 1 }}
          error={!!wrongKey}
          helperText={wrongKey ? 'This key does not unlock the swarm: check it and try again.' : 'SWMKEY-1-…'}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={busy || !key.trim()}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          sx={{ mt: 1 }}
        >
          Unlock
        </Button>
      </Stack>
      {error && !wrongKey && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
    </Paper>
  );
}
