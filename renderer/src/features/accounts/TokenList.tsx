import { IconButton, List, ListItem, ListItemText } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { formatTime, type ApiTokenInfo } from '../../api/contract';

/** When a token was made, when it stops working, when it was last used (recorded at most once a minute). */
export function tokenFacts(t: ApiTokenInfo): string {
  const expiry = t.expiresAt ? `${t.expiresAt <= Date.now() ? 'expired' : 'expires'} ${formatTime(t.expiresAt)}` : 'no expiry';
  return `Created ${formatTime(t.createdAt)} · ${expiry} · ${t.lastUsedAt ? `last used ${formatTime(t.lastUsedAt)}` : 'never used'}`;
}

/** API tokens with a revoke button each (the caller asks first, with a DangerDialog). */
export function TokenList({ label, tokens, onRevoke }: { label: string; tokens: ApiTokenInfo[] | undefined; onRevoke: (t: ApiTokenInfo) => void }) {
  return (
    <List dense aria-label={label}>
      {(tokens ?? []).map((t) => (
        <ListItem
          key={t.id}
          secondaryAction={
            <IconButton edge="end" aria-label={`Revoke ${t.name}`} onClick={() => onRevoke(t)}>
              <DeleteOutlineIcon />
            </IconButton>
          }
        >
          <ListItemText primary={t.name} secondary={tokenFacts(t)} />
        </ListItem>
      ))}
      {tokens?.length === 0 && <ListItem>No API tokens yet.</ListItem>}
    </List>
  );
}
