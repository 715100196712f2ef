import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { MIN_PASSWORD_LENGTH, type AccountInfo, type BerthErrorData, type Role } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { ROLES } from './roles';

/** A new account (username, password, role), or a new password for `reset` (its sessions end). */
export function AccountFormDialog({ reset, onClose, onDone }: { reset?: AccountInfo; onClose: () => void; onDone: () => void }) {
  const client = useBerth((s) => s.client);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const dirty = username !== '' || password !== '';
  const save = async () => {
    setBusy(true);
    const result = reset
      ? await client.call('accounts.resetPassword', { id: reset.id, password })
      : await client.call('accounts.create', { username: username.trim(), password, role });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
  };
  return (
    <Dialog open onClose={busy || dirty ? undefined : onClose} aria-labelledby="account-form-title" fullWidth maxWidth="xs">
      <DialogTitle id="account-form-title">{reset ? `Reset the password of ${reset.username}` : 'New user'}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {!reset && (
          <TextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" autoFocus />
        )}
        <TextField
          label={reset ? 'New password' : 'Password'}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          helperText={`At least ${MIN_PASSWORD_LENGTH} characters; tell it to the person in a safe way.${reset ? ' Their sessions end.' : ''}`}
        />
        {!reset && (
          <TextField
            select
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            helperText={ROLES.find((r) => r.value === role)?.means}
          >
            {ROLES.map((r) => (
              <MenuItem key={r.value} value={r.value}>
                {r.label}
              </MenuItem>
            ))}
          </TextField>
        )}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy || !password || (!reset && !username.trim())}>
          {reset ? 'Set password' : 'Create user'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
