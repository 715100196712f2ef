import { Chip, Typography } from '@mui/material';
import { formatTime, type AuditLogEntry } from '../../api/contract';
import type { GridColumn } from '../../components/grid/ResourceGrid';

export type ActivitySortKey = 'at' | 'user' | 'method' | 'ok';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** Sign-in failures say why, as a class (never what was typed). */
const AUTH_REASONS: Record<string, string> = {
  'unknown-user': 'unknown user',
  'wrong-password': 'wrong password',
  'wrong-login-code': 'spent or wrong login code',
  'locked-out': 'locked out',
  disabled: 'account disabled',
  'wrong-setup-token': 'wrong setup token',
  'set-up-already': 'already set up',
  'unknown-token': 'unknown or revoked token',
  'expired-token': 'expired token',
};

/** The most telling parameter of a call in one line (the object it acted on, or why a sign-in failed), or nothing. */
export function target(params: unknown): string {
  if (!params || typeof params !== 'object') return '';
  const p = params as Record<string, unknown>;
  if (typeof p.moreFailedAttempts === 'number') return `${p.moreFailedAttempts} more failed attempts`;
  if (typeof p.reason === 'string') return AUTH_REASONS[p.reason] ?? p.reason;
  for (const key of ['id', 'name', 'project', 'container', 'image', 'reference', 'network', 'volume', 'repository']) {
    const v = p[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return '';
}

/** Who an entry names, as shown: a failed sign-in names the user that was tried, or nobody. */
export function who(e: AuditLogEntry): string {
  if (e.role !== 'anonymous') return e.user;
  return e.user ? `${e.user} (not signed in)` : 'not signed in';
}

/** The entry's role and channel, and the client address where web mode recorded one. */
export const how = (e: AuditLogEntry): string => [e.role === 'anonymous' ? null : e.role, e.via, e.client].filter(Boolean).join(' · ');

export const activityColumns: GridColumn<AuditLogEntry, ActivitySortKey>[] = [
  {
    id: 'at',
    label: 'Time',
    width: '180px',
    sortKey: 'at',
    render: (e) => <Typography variant="body2">{formatTime(e.at)}</Typography>,
  },
  {
    id: 'user',
    label: 'Who',
    width: 'minmax(120px, 1fr)',
    sortKey: 'user',
    priority: 2,
    render: (e) => (
      <Typography variant="body2" sx={ellipsis} title={`${who(e)}: ${how(e)}`}>
        {who(e)} <Typography component="span" variant="caption" color="text.secondary">{how(e)}</Typography>
      </Typography>
    ),
  },
  {
    id: 'method',
    label: 'Action',
    width: 'minmax(180px, 1.5fr)',
    sortKey: 'method',
    render: (e) => (
      <Typography variant="body2" sx={{ ...ellipsis, fontFamily: 'monospace' }} title={e.method}>
        {e.method}
      </Typography>
    ),
  },
  {
    id: 'target',
    label: 'Target',
    width: 'minmax(140px, 1.5fr)',
    priority: 3,
    render: (e) => (
      <Typography variant="body2" sx={ellipsis} title={target(e.params)}>
        {target(e.params) || '—'}
      </Typography>
    ),
  },
  {
    id: 'ok',
    label: 'Result',
    width: '150px',
    sortKey: 'ok',
    render: (e) =>
      e.ok ? (
        <Chip size="small" variant="outlined" color="success" label="OK" />
      ) : (
        <Chip size="small" variant="outlined" color="error" label={e.errorCode ? `Failed: ${e.errorCode}` : 'Failed'} />
      ),
  },
];
