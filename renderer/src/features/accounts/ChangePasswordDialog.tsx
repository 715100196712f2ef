import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { MIN_PASSWORD_LENGTH, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';

/** Change one's own password: needs the current one; other sessions of the account end, this one stays. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const mismatch = confirm.length > 0 && confirm !== newPassword;
  const save = async () => {
    setBusy(true);
    const result = await client.call('session.changePassword', { oldPassword, newPassword });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notify('success', 'Password changed; your other sessions were signed out.');
    onClose();
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="change-password-title" fullWidth maxWidth="xs">
      <DialogTitle id="change-password-title">Change password</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        <TextField label="Current password" type="password" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch}
          helperText={mismatch ? 'The passwords differ.' : undefined}
        />
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy || !oldPassword || !newPassword || confirm !== newPassword}>
          Change password
        </Button>
      </DialogActions>
    </Dialog>
  );
}
