import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { AccountInfo, ApiTokenInfo, BerthErrorData } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { TokenList } from './TokenList';

/** An admin looks at another account's API tokens (never their values: only hashes are kept) and revokes one. */
export function UserTokensDialog({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const tokens = useCall(client, 'accounts.tokens', { id: account.id });
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);

  const revoke = async (token: ApiTokenInfo) => {
    setBusy(true);
    const result = await client.call('accounts.revokeToken', { id: account.id, tokenId: token.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setRevoking(null);
    tokens.reload();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="user-tokens-title" fullWidth maxWidth="sm">
      <DialogTitle id="user-tokens-title">API tokens of {account.username}</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          Scripts using these tokens act as {account.username} ({account.role}). Revoking one stops it at once; {account.username} can make
          a new one from their own menu.
        </Alert>
        <ErrorAlert error={revoking ? null : (error ?? tokens.error)} sx={{ mb: 2 }} />
        <TokenList label={`API tokens of ${account.username}`} tokens={tokens.last} onRevoke={setRevoking} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
      {revoking && (
        <DangerDialog
          id="revoke-user-token"
          title={`Revoke ${account.username}'s token “${revoking.name}”?`}
          lost={`Scripts using it stop working at once; ${account.username} has to make a new token and put it where the old one was.`}
          confirmLabel="Revoke"
          busy={busy}
          error={error}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => {
            setRevoking(null);
            setError(null);
          }}
        />
      )}
    </Dialog>
  );
}
