import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  IconButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import KeyIcon from '@mui/icons-material/Key';
import TokenIcon from '@mui/icons-material/Token';
import { formatTime, type AccountInfo, type BerthErrorData, type Role } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { AccountFormDialog } from './AccountFormDialog';
import { UserTokensDialog } from './UserTokensDialog';
import { ROLES } from './roles';
import { useSession } from '../../components/access';

type Pending = { kind: 'remove' | 'disable'; account: AccountInfo } | null;

/** Users (admins): accounts of the shared web mode, their roles, disabling, password resets and removal. */
export function UsersPage() {
  const client = useBerth((s) => s.client);
  const me = useSession();
  const accounts = useCall(client, 'accounts.list', {});
  const [form, setForm] = useState<{ reset?: AccountInfo } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [tokensOf, setTokensOf] = useState<AccountInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);

  const act = async (run: () => Promise<{ ok: boolean; error?: BerthErrorData }>) => {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(result.error ?? null);
    setError(null);
    setPending(null);
    accounts.reload();
  };
  const setRole = (a: AccountInfo, role: Role) => void act(() => client.call('accounts.update', { id: a.id, role }));
  const enable = (a: AccountInfo) => void act(() => client.call('accounts.update', { id: a.id, disabled: false }));

  return (
    <Box sx={{ p: 3, maxWidth: 1000 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Users
        </Typography>
        <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setForm({})}>
          New user
        </Button>
      </Box>
      {!me?.account && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Accounts sign in when Berth runs as <code>berth web --accounts</code> (the default off this machine).
        </Alert>
      )}
      <ErrorAlert error={pending ? null : (error ?? accounts.error)} sx={{ mb: 2 }} />
      <Table size="small" aria-label="Users">
        <TableHead>
          <TableRow>
            <TableCell>Username</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Last sign-in</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(accounts.last ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                {a.username} {a.id === me?.account?.id && <Chip size="small" label="you" />}{' '}
                {a.disabled && <Chip size="small" color="warning" label="disabled" />}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  variant="standard"
                  value={a.role}
                  disabled={busy}
                  onChange={(e) => setRole(a, e.target.value as Role)}
                  slotProps={{ htmlInput: { 'aria-label': `Role of ${a.username}` } }}
                >
                  {ROLES.map((r) => (
                    <MenuItem key={r.value} value={r.value}>
                      {r.label}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>{formatTime(a.createdAt)}</TableCell>
              <TableCell>{a.lastLoginAt ? formatTime(a.lastLoginAt) : 'never'}</TableCell>
              <TableCell align="right">
                <Tooltip title="API tokens">
                  <IconButton aria-label={`API tokens of ${a.username}`} onClick={() => setTokensOf(a)}>
                    <TokenIcon />
                  </IconButton>
                </Tooltip>
                <Tooltip title="Reset password">
                  <IconButton aria-label={`Reset the password of ${a.username}`} onClick={() => setForm({ reset: a })}>
                    <KeyIcon />
                  </IconButton>
                </Tooltip>
                {a.disabled ? (
                  <Tooltip title="Enable">
                    <IconButton aria-label={`Enable ${a.username}`} onClick={() => enable(a)} disabled={busy}>
                      <CheckCircleOutlineIcon />
                    </IconButton>
                  </Tooltip>
                ) : (
                  <Tooltip title="Disable">
                    <IconButton aria-label={`Disable ${a.username}`} onClick={() => setPending({ kind: 'disable', account: a })}>
                      <BlockIcon />
                    </IconButton>
                  </Tooltip>
                )}
                <Tooltip title="Remove">
                  <IconButton aria-label={`Remove ${a.username}`} onClick={() => setPending({ kind: 'remove', account: a })}>
                    <DeleteOutlineIcon />
                  </IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {accounts.last?.length === 0 && (
        <Typography sx={{ mt: 2 }} color="text.secondary">
          No accounts yet. Create one for each person who will use this Berth, with the least role they need.
        </Typography>
      )}
      {form && (
        <AccountFormDialog
          {...(form.reset ? { reset: form.reset } : {})}
          onClose={() => setForm(null)}
          onDone={() => {
            setForm(null);
            accounts.reload();
          }}
        />
      )}
      {tokensOf && <UserTokensDialog account={tokensOf} onClose={() => setTokensOf(null)} />}
      {pending && (
        <DangerDialog
          id="account-danger"
          title={pending.kind === 'remove' ? `Remove ${pending.account.username}?` : `Disable ${pending.account.username}?`}
          lost={
            pending.kind === 'remove'
              ? 'The account and its API tokens are deleted and its sessions end now. The audit log keeps its name.'
              : 'Its sessions end now and it cannot sign in until enabled again; its API tokens stop working.'
          }
          confirmLabel={pending.kind === 'remove' ? 'Remove' : 'Disable'}
          busy={busy}
          error={error}
          onConfirm={() =>
            void act(() =>
              pending.kind === 'remove'
                ? client.call('accounts.remove', { id: pending.account.id })
                : client.call('accounts.update', { id: pending.account.id, disabled: true }),
            )
          }
          onCancel={() => {
            setPending(null);
            setError(null);
          }}
        />
      )}
    </Box>
  );
}
