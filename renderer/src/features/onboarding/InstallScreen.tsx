import { useState } from 'react';
import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import type { InstallHint } from '../../api/contract';
import { CopyableCommand } from '../../components/CopyableCommand';
import { useBerth } from '../../stores/context';

const fallbackHint: InstallHint = {
  os: 'other',
  title: 'Install a container engine',
  missing: ['docker or podman'],
  commands: [],
  docsUrl: 'https://docs.docker.com/engine/install/',
};

/** Full-page onboarding when no container engine is installed: what is missing and how to install it. */
export function InstallScreen() {
  const hint = useBerth((s) => s.engineStatus?.install) ?? fallbackHint;
  const reconnect = useBerth((s) => s.reconnectEngine);
  const [checking, setChecking] = useState(false);
  const [stillMissing, setStillMissing] = useState(false);

  const checkAgain = () => {
    setChecking(true);
    setStillMissing(false);
    void reconnect().then((result) => {
      setChecking(false);
      setStillMissing(!result.ok || result.value.state === 'not-installed');
    });
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, width: '100%' }}>
        <Typography variant="overline" color="text.secondary">
          Welcome to Berth
        </Typography>
        <Typography variant="h4" component="h1" gutterBottom>
          {hint.title}
        </Typography>
        <Typography gutterBottom>
          Berth manages containers through a container engine, and none was found on this machine.
        </Typography>
        <Typography gutterBottom>
          Missing: <strong>{hint.missing.join(', ')}</strong>
        </Typography>
        {hint.commands.length > 0 && (
          <>
            <Typography sx={{ mt: 2, mb: 1 }}>Run these commands in a terminal, in order:</Typography>
            <Stack spacing={1} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {hint.commands.map((command) => (
                <li key={command}>
                  <CopyableCommand command={command} />
                </li>
              ))}
            </Stack>
          </>
        )}
        {hint.docsUrl && (
          <Typography sx={{ mt: 2 }}>
            More options in the{' '}
            <Link href={hint.docsUrl} target="_blank" rel="noopener noreferrer">
              installation guide
            </Link>
            .
          </Typography>
        )}
        {stillMissing && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Still no engine found. Finish the installation (a new login may be needed for group changes), then check
            again.
          </Alert>
        )}
        <Button variant="contained" sx={{ mt: 3 }} onClick={checkAgain} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </Button>
      </Paper>
    </Box>
  );
}
