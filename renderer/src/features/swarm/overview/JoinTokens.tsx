import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { BerthErrorData, SwarmJoinTokens } from '../../../api/contract';
import { CopyableCommand } from '../../../components/CopyableCommand';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';

type Role = 'worker' | 'manager';

export const joinCommand = (tokens: SwarmJoinTokens, role: Role): string =>
  `docker swarm join --token ${tokens[role]} ${tokens.managerAddrs[0] ?? '<manager-address>:2377'}`;

/** The join commands for workers and managers (secrets: shown on request), and rotating a token. */
export function JoinTokens() {
  const client = useBerth((s) => s.client);
  const [tokens, setTokens] = useState<SwarmJoinTokens | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [rotating, setRotating] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [rotateError, setRotateError] = useState<BerthErrorData | null>(null);

  const show = async () => {
    setError(null);
    const r = await client.call('swarm.joinTokens', {});
    if (r.ok) setTokens(r.value);
    else setError(r.error);
  };
  const rotate = async (which: Role) => {
    setBusy(true);
    setRotateError(null);
    const r = await client.call('swarm.rotateToken', { which });
    setBusy(false);
    if (!r.ok) return setRotateError(r.error);
    setTokens(r.value);
    setRotating(null);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Add nodes
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        Run the command on another engine to join it; whoever holds a token can join, so keep them private.
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          Could not read the join tokens: {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
      {tokens ? (
        <Stack spacing={1.5}>
          {(['worker', 'manager'] as const).map((role) => (
            <Box key={role}>
              <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="subtitle2">Join as a {role}</Typography>
                <Button size="small" color="warning" onClick={() => setRotating(role)}>
                  Rotate {role} token…
                </Button>
              </Box>
              <CopyableCommand command={joinCommand(tokens, role)} />
            </Box>
          ))}
          <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setTokens(null)}>
            Hide tokens
          </Button>
        </Stack>
      ) : (
        <Button variant="outlined" onClick={() => void show()}>
          Show join commands
        </Button>
      )}
      {rotating && (
        <DangerDialog
          id="rotate-token-title"
          title={`Rotate the ${rotating} join token?`}
          lost={`The current ${rotating} token stops working at once: scripts or people holding it cannot join new ${rotating}s. Nodes already in the swarm are not affected.`}
          confirmLabel="Rotate token"
          busy={busy}
          error={rotateError}
          onConfirm={() => void rotate(rotating)}
          onCancel={() => setRotating(null)}
        />
      )}
    </Paper>
  );
}
