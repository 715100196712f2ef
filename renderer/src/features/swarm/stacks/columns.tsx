import { Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { formatTime, type StackSummary } from '../../../api/contract';
import type { GridColumn } from '../../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../../components/grid/grid';
import { RowActions, type RowAction } from '../../../components/grid/RowActions';
import { sortBy, type Sort } from '../../../components/grid/sort';

export type StackSortKey = 'name' | 'services' | 'tasks' | 'createdAt';

export interface StackActions {
  open: (s: StackSummary) => void;
  update: (s: StackSummary) => void;
  remove: (s: StackSummary) => void;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export const filterStacks = (stacks: StackSummary[], query: string): StackSummary[] => {
  const q = query.trim().toLowerCase();
  return q ? stacks.filter((s) => s.name.toLowerCase().includes(q)) : stacks;
};

export const sortStacks = (stacks: StackSummary[], sort: Sort<StackSortKey>): StackSummary[] =>
  sortBy(stacks, sort, (s, key) => (key === 'tasks' ? (s.desired ? s.running / s.desired : 1) : key === 'createdAt' ? (s.createdAt ?? 0) : s[key]), (s) => s.name);

export function stackColumns(actions: StackActions, pending: Record<string, string>): GridColumn<StackSummary, StackSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(150px, 2fr)',
      sortKey: 'name',
      render: (s) => (
        <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }}>
          {s.name}
        </Typography>
      ),
    },
    { id: 'services', label: 'Services', width: '100px', sortKey: 'services', render: (s) => <Typography variant="body2">{s.services}</Typography> },
    {
      id: 'tasks',
      label: 'Running',
      width: '110px',
      sortKey: 'tasks',
      render: (s) => (
        <Typography variant="body2" color={s.running < s.desired ? 'warning.main' : undefined} title={`${s.running} of ${s.desired} tasks running`}>
          {s.running}/{s.desired}
        </Typography>
      ),
    },
    {
      id: 'objects',
      label: 'Networks · secrets · configs',
      width: 'minmax(120px, 1fr)',
      priority: 3,
      render: (s) => (
        <Typography variant="body2" color="text.secondary">
          {s.networks} · {s.secrets} · {s.configs}
        </Typography>
      ),
    },
    {
      id: 'created',
      label: 'Created',
      width: 'minmax(150px, 1fr)',
      sortKey: 'createdAt',
      priority: 2,
      render: (s) => (
        <Typography variant="body2" sx={ellipsis}>
          {formatTime(s.createdAt)}
        </Typography>
      ),
    },
    {
      id: 'actions',
      label: 'Actions',
      width: actionsWidth(2),
      compactWidth: COMPACT_ACTIONS,
      priority: 2,
      required: true,
      render: (s) => <RowActions rowKey={s.name} name={s.name} actions={stackRowActions(s, actions, s.name in pending)} />,
    },
  ];
}

function stackRowActions(s: StackSummary, a: StackActions, busy: boolean): RowAction[] {
  return [
    { id: 'inspect', label: 'Details', icon: InfoIcon, run: () => a.open(s) },
    { id: 'update', label: 'Update', icon: EditIcon, inline: true, disabled: busy, method: 'stacks.deploy', run: () => a.update(s) },
    { id: 'remove', label: 'Remove', icon: DeleteIcon, inline: true, destructive: true, disabled: busy, method: 'stacks.remove', run: () => a.remove(s) },
  ];
}
