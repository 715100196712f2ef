import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { type ApiTokenCreated, type ApiTokenInfo, type BerthErrorData } from '../../api/contract';
import { CopyableCommand } from '../../components/CopyableCommand';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { TokenList } from './TokenList';

/** One's own API tokens: named, optional expiry, the value shown once; revoking asks first. */
export function ApiTokensDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const tokens = useCall(client, 'session.tokens', {});
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [made, setMade] = useState<ApiTokenCreated | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const dayCount = days.trim() === '' ? undefined : Number(days);
  const daysInvalid = dayCount !== undefined && (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > 3650);

  const create = async () => {
    setBusy(true);
    const result = await client.call('session.createToken', { name, ...(dayCount ? { expiresInDays: dayCount } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setMade(result.value);
    setName('');
    tokens.reload();
  };
  const revoke = async (token: ApiTokenInfo) => {
    setBusy(true);
    const result = await client.call('session.revokeToken', { tokenId: token.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setRevoking(null);
    tokens.reload();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="api-tokens-title" fullWidth maxWidth="sm">
      <DialogTitle id="api-tokens-title">API tokens</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          Scripts send a token as the <code>x-berth-token</code> header and act as you, with your role.
        </Alert>
        {made && (
          <Alert severity="success" sx={{ mb: 2 }}>
            Token “{made.token.name}” created. Copy it now: it is not shown again.
            <CopyableCommand command={made.value} />
          </Alert>
        )}
        <ErrorAlert error={error ?? tokens.error} sx={{ mb: 2 }} />
        <TokenList label="Your API tokens" tokens={tokens.last} onRevoke={setRevoking} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
          style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
        >
          <TextField size="small" label="Name" value={name} onChange={(e) => setName(e.target.value)} sx={{ flex: 1 }} />
          <TextField
            size="small"
            label="Expires in days"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={daysInvalid}
            helperText={daysInvalid ? '1 to 3650, or empty for no expiry' : 'Empty: no expiry'}
            sx={{ width: 160 }}
          />
          <Button type="submit" variant="outlined" disabled={busy || !name.trim() || daysInvalid}>
            Create token
          </Button>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
      {revoking && (
        <DangerDialog
          id="revoke-token"
          title={`Revoke the token “${revoking.name}”?`}
          lost="Scripts using it stop working at once."
          confirmLabel="Revoke"
          busy={busy}
          error={error}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </Dialog>
  );
}
