import { Chip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import UndoIcon from '@mui/icons-material/Undo';
import type { SwarmServiceSummary } from '../../../api/contract';
import type { GridColumn } from '../../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../../components/grid/grid';
import { RowActions, type RowAction } from '../../../components/grid/RowActions';
import { TasksCell } from './ScaleControl';
import { portText, updateText, type ServiceSortKey } from './view';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export interface ServiceActions {
  open: (s: SwarmServiceSummary) => void;
  edit: (s: SwarmServiceSummary) => void;
  rollback: (s: SwarmServiceSummary) => void;
  restart: (s: SwarmServiceSummary) => void;
  remove: (s: SwarmServiceSummary) => void;
}

const updateColor = (s: SwarmServiceSummary) =>
  !s.update
    ? 'default'
    : s.update.state.includes('paused')
      ? 'error'
      : s.update.state.endsWith('completed')
        ? 'default'
        : 'info';

export function serviceColumns(
  actions: ServiceActions,
  pending: Record<string, string>,
): GridColumn<SwarmServiceSummary, ServiceSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(150px, 2fr)',
      sortKey: 'name',
      render: (s) => (
        <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }} title={`${s.name} (${s.id})`}>
          {s.name}
        </Typography>
      ),
    },
    {
      id: 'image',
      label: 'Image',
      width: 'minmax(140px, 2fr)',
      sortKey: 'image',
      priority: 3,
      render: (s) => (
        <Typography
          variant="body2"
          sx={ellipsis}
          title={s.imageDigest ? `${s.image}@${s.imageDigest}` : s.image}
        >
          {s.image}
        </Typography>
      ),
    },
    {
      id: 'mode',
      label: 'Mode',
      width: '90px',
      sortKey: 'mode',
      priority: 5,
      render: (s) => <Typography variant="body2">{s.mode}</Typography>,
    },
    {
      id: 'tasks',
      label: 'Tasks',
      width: '100px',
      sortKey: 'tasks',
      render: (s) => <TasksCell service={s} />,
    },
    {
      id: 'ports',
      label: 'Ports',
      width: 'minmax(100px, 1fr)',
      priority: 4,
      render: (s) => {
        const t = s.ports.map(portText).join(', ');
        return (
          <Typography variant="body2" color={t ? 'text.primary' : 'text.secondary'} sx={ellipsis} title={t}>
            {t || 'none'}
          </Typography>
        );
      },
    },
    {
      id: 'stack',
      label: 'Stack',
      width: '100px',
      sortKey: 'stack',
      priority: 6,
      render: (s) => (
        <Typography variant="body2" sx={ellipsis}>
          {s.stack ?? '—'}
        </Typography>
      ),
    },
    {
      id: 'update',
      label: 'Update',
      width: '130px',
      sortKey: 'update',
      priority: 3,
      render: (s) =>
        s.update ? (
          <Chip
            size="small"
            color={updateColor(s)}
            label={updateText(s)}
            title={s.update.message ?? updateText(s)}
          />
        ) : null,
    },
    {
      id: 'actions',
      label: 'Actions',
      width: actionsWidth(2),
      compactWidth: COMPACT_ACTIONS,
      priority: 2,
      required: true,
      render: (s) => (
        <RowActions rowKey={s.id} name={s.name} actions={serviceRowActions(s, actions, s.id in pending)} />
      ),
    },
  ];
}

export function serviceRowActions(s: SwarmServiceSummary, a: ServiceActions, busy: boolean): RowAction[] {
  return [
    { id: 'inspect', label: 'Details', icon: InfoIcon, run: () => a.open(s) },
    { id: 'edit', label: 'Edit', icon: EditIcon, inline: true, disabled: busy, method: 'services.update', run: () => a.edit(s) },
    {
      id: 'restart',
      label: 'Restart all tasks',
      icon: RestartAltIcon,
      disabled: busy,
      method: 'services.restart',
      run: () => a.restart(s),
    },
    {
      id: 'rollback',
      label: 'Roll back to the previous settings',
      icon: UndoIcon,
      disabled: busy,
      method: 'services.rollback',
      run: () => a.rollback(s),
    },
    {
      id: 'remove',
      label: 'Remove',
      icon: DeleteIcon,
      inline: true,
      destructive: true,
      disabled: busy,
      method: 'services.remove',
      run: () => a.remove(s),
    },
  ];
}
