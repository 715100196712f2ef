import { useState } from 'react';
import { Button, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { signOut, storedSession } from '../../api/webSession';
import { ApiTokensDialog } from './ApiTokensDialog';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { useSession } from '../../components/access';

const ROLE_LABEL = { admin: 'Admin', operator: 'Operator', viewer: 'Viewer' } as const;

/** The app bar's account menu: who is signed in and with which role, password, API tokens, sign out. */
export function AccountMenu() {
  const session = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'password' | 'tokens' | null>(null);
  if (!session) return null;
  const web = !('berth' in window && window.berth);
  const open = (which: 'password' | 'tokens') => {
    setAnchor(null);
    setDialog(which);
  };
  const leave = async () => {
    const stored = storedSession(localStorage);
    if (stored) await signOut({ location, fetch: window.fetch.bind(window), storage: localStorage }, stored.secret);
    location.reload();
  };
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-label={`Account: ${session.user} (${ROLE_LABEL[session.role]})`}
        sx={{ textTransform: 'none' }}
      >
        {session.user}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText primary={session.user} secondary={`Role: ${ROLE_LABEL[session.role]}`} />
        </MenuItem>
        <Divider />
        {session.account && <MenuItem onClick={() => open('password')}>Change password…</MenuItem>}
        {session.account && <MenuItem onClick={() => open('tokens')}>API tokens…</MenuItem>}
        {web && <MenuItem onClick={() => void leave()}>Sign out</MenuItem>}
      </Menu>
      {dialog === 'password' && <ChangePasswordDialog onClose={() => setDialog(null)} />}
      {dialog === 'tokens' && <ApiTokensDialog onClose={() => setDialog(null)} />}
    </>
  );
}
