import { Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { formatTime, type MethodName, type SwarmDataSummary } from '../../../api/contract';
import type { GridColumn } from '../../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../../components/grid/grid';
import { RowActions, type RowAction } from '../../../components/grid/RowActions';
import { labelText, usedByText, type DataSortKey } from './view';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export interface DataActions {
  open: (s: SwarmDataSummary) => void;
  remove: (s: SwarmDataSummary) => void;
  /** The method Remove calls (secrets.remove or configs.remove). */
  removeMethod: MethodName;
}

const text = (value: string, empty = '—') => (
  <Typography variant="body2" sx={ellipsis} color={value ? 'text.primary' : 'text.secondary'} title={value}>
    {value || empty}
  </Typography>
);

export function dataColumns(actions: DataActions, pending: Record<string, string>): GridColumn<SwarmDataSummary, DataSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(160px, 2fr)',
      sortKey: 'name',
      render: (s) => (
        <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }} title={`${s.name} (${s.id})`}>
          {s.name}
        </Typography>
      ),
    },
    { id: 'created', label: 'Created', width: '170px', sortKey: 'created', priority: 4, render: (s) => text(formatTime(s.createdAt)) },
    { id: 'updated', label: 'Updated', width: '170px', sortKey: 'updated', priority: 6, render: (s) => text(formatTime(s.updatedAt)) },
    { id: 'labels', label: 'Labels', width: 'minmax(120px, 1fr)', priority: 5, render: (s) => text(labelText(s)) },
    { id: 'usedBy', label: 'Used by', width: 'minmax(120px, 1.5fr)', sortKey: 'usedBy', priority: 3, render: (s) => text(usedByText(s), 'no service') },
    {
      id: 'actions',
      label: 'Actions',
      width: actionsWidth(2),
      compactWidth: COMPACT_ACTIONS,
      priority: 2,
      required: true,
      render: (s) => <RowActions rowKey={s.id} name={s.name} actions={dataRowActions(s, actions, s.id in pending)} />,
    },
  ];
}

function dataRowActions(s: SwarmDataSummary, a: DataActions, busy: boolean): RowAction[] {
  return [
    { id: 'inspect', label: 'Details', icon: InfoIcon, inline: true, run: () => a.open(s) },
    { id: 'remove', label: 'Remove', icon: DeleteIcon, inline: true, destructive: true, disabled: busy, method: a.removeMethod, run: () => a.remove(s) },
  ];
}
