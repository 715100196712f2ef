import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Paper, TextField, Typography } from '@mui/material';
import { MIN_PASSWORD_LENGTH, type AuthMode, type WebSessionGrant } from '../../api/contract';
import type { PasswordSignIn } from '../../api/webSession';

export interface SignInPageProps {
  mode: AuthMode;
  /** Why the page is not signed in (single-user mode: open the printed link). */
  message: string;
  signIn: (body: { username: string; password: string; token?: string }) => Promise<PasswordSignIn>;
  onSignedIn: (grant: WebSessionGrant) => void;
}

/**
 * Web mode's sign-in (docs/adr/0018-accounts-and-roles.md): in accounts mode a username and password, or on
 * first run the setup form that creates the first admin with the token Berth printed on its console; in
 * single-user mode the hint to open the printed link.
 */
export function SignInPage({ mode, message, signIn, onSignedIn }: SignInPageProps) {
  const setup = mode.mode === 'accounts' && mode.setupRequired;
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  if (mode.mode === 'single-user') {
    return (
      <Frame title="Sign in to Berth">
        <Typography>{message}</Typography>
      </Frame>
    );
  }

  const mismatch = setup && confirm.length > 0 && confirm !== password;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    const answer = await signIn({ username: username.trim(), password, ...(setup ? { token: token.trim() } : {}) });
    setBusy(false);
    if (answer.ok) onSignedIn(answer.grant);
    else setError({ message: answer.message, ...(answer.field ? { field: answer.field } : {}) });
  };
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);

  return (
    <Frame title={setup ? 'Set up Berth' : 'Sign in to Berth'}>
      {setup && (
        <Typography sx={{ mb: 2 }}>
          Create the first admin account. The one-time setup token is on the console where{' '}
          <code>berth web</code> was started.
        </Typography>
      )}
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: 'grid', gap: 2 }}>
        {setup && (
          <TextField label="Setup token" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" />
        )}
        <TextField
          label="Username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          autoComplete="username"
          autoFocus={!setup}
          error={Boolean(fieldError('username'))}
          helperText={fieldError('username')}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoComplete={setup ? 'new-password' : 'current-password'}
          error={Boolean(fieldError('password'))}
          helperText={fieldError('password') ?? (setup ? `At least ${MIN_PASSWORD_LENGTH} characters.` : undefined)}
        />
        {setup && (
          <TextField
            label="Repeat the password"
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            required
            autoComplete="new-password"
            error={mismatch}
            helperText={mismatch ? 'The passwords differ.' : undefined}
          />
        )}
        {error && !error.field && <Alert severity="error">{error.message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          disabled={busy || !username || !password || (setup && (!token || confirm !== password))}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          {setup ? 'Create admin account' : 'Sign in'}
        </Button>
      </Box>
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', p: 2, mt: 8 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 420 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {title}
        </Typography>
        {children}
      </Paper>
    </Box>
  );
}
