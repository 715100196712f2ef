import { Chip, Typography } from '@mui/material';
import { formatTime, type AuditLogEntry } from '../../api/contract';
import type { GridColumn } from '../../components/grid/ResourceGrid';

export type ActivitySortKey = 'at' | 'user' | 'method' | 'ok';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The most telling parameter of a call in one line (the object it acted on), or nothing. */
export function target(params: unknown): string {
  if (!params || typeof params !== 'object') return '';
  const p = params as Record<string, unknown>;
  for (const key of ['id', 'name', 'project', 'container', 'image', 'reference', 'network', 'volume', 'repository']) {
    const v = p[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return '';
}

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
      <Typography variant="body2" sx={ellipsis} title={`${e.user} (${e.role}, via ${e.via})`}>
        {e.user} <Typography component="span" variant="caption" color="text.secondary">{e.role} · {e.via}</Typography>
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
