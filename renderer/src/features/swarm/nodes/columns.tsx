import { Chip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import LabelIcon from '@mui/icons-material/Label';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import RemoveCircleIcon from '@mui/icons-material/RemoveCircleOutlined';
import { formatMemory, type NodeAvailability, type SwarmNode } from '../../../api/contract';
import type { GridColumn } from '../../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../../components/grid/grid';
import { RowActions, type RowAction } from '../../../components/grid/RowActions';
import { labelText, type NodeSortKey } from './view';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export interface NodeActions {
  open: (n: SwarmNode) => void;
  availability: (n: SwarmNode, to: NodeAvailability) => void;
  role: (n: SwarmNode, to: 'manager' | 'worker') => void;
  labels: (n: SwarmNode) => void;
  remove: (n: SwarmNode) => void;
}

const stateColor = (n: SwarmNode) =>
  n.state === 'ready' ? 'success' : n.state === 'down' ? 'error' : 'warning';
const text = (value: string, title?: string) => (
  <Typography variant="body2" sx={ellipsis} title={title ?? value}>
    {value}
  </Typography>
);

export function nodeColumns(
  actions: NodeActions,
  pending: Record<string, string>,
): GridColumn<SwarmNode, NodeSortKey>[] {
  return [
    {
      id: 'hostname',
      label: 'Hostname',
      width: 'minmax(150px, 2fr)',
      sortKey: 'hostname',
      render: (n) => (
        <>
          <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }} title={`${n.hostname} (${n.id})`}>
            {n.hostname}
          </Typography>
          {n.self && <Chip size="small" variant="outlined" label="this engine" />}
        </>
      ),
    },
    {
      id: 'role',
      label: 'Role',
      width: '130px',
      sortKey: 'role',
      render: (n) =>
        n.role === 'worker' ? (
          text('worker')
        ) : (
          <>
            {text(n.leader ? 'leader' : 'manager')}
            {n.reachability === 'unreachable' && <Chip size="small" color="error" label="unreachable" />}
          </>
        ),
    },
    {
      id: 'availability',
      label: 'Availability',
      width: '100px',
      sortKey: 'availability',
      priority: 3,
      render: (n) =>
        n.availability === 'active' ? (
          text('active')
        ) : (
          <Chip size="small" color="warning" label={n.availability} />
        ),
    },
    {
      id: 'state',
      label: 'State',
      width: 'minmax(110px, 1fr)',
      sortKey: 'state',
      render: (n) => (
        <>
          <Chip size="small" color={stateColor(n)} label={n.state} />
          {n.message && n.state !== 'ready' && (
            <Typography variant="caption" color="text.secondary" sx={ellipsis} title={n.message}>
              {n.message}
            </Typography>
          )}
        </>
      ),
    },
    {
      id: 'engine',
      label: 'Engine',
      width: '90px',
      sortKey: 'engine',
      priority: 5,
      render: (n) => text(n.engineVersion ?? '—'),
    },
    {
      id: 'cpus',
      label: 'CPUs',
      width: '60px',
      sortKey: 'cpus',
      priority: 6,
      render: (n) => text(n.cpus === undefined ? '—' : String(n.cpus)),
    },
    {
      id: 'memory',
      label: 'Memory',
      width: '90px',
      sortKey: 'memory',
      priority: 6,
      render: (n) => text(n.memoryBytes === undefined ? '—' : formatMemory(n.memoryBytes)),
    },
    {
      id: 'address',
      label: 'Address',
      width: '120px',
      sortKey: 'address',
      priority: 4,
      render: (n) => text(n.addr ?? '—'),
    },
    {
      id: 'labels',
      label: 'Labels',
      width: 'minmax(120px, 1fr)',
      priority: 7,
      render: (n) => {
        const t = labelText(n.labels);
        return (
          <Typography variant="body2" color={t ? 'text.primary' : 'text.secondary'} sx={ellipsis} title={t}>
            {t || 'none'}
          </Typography>
        );
      },
    },
    {
      id: 'actions',
      label: 'Actions',
      width: actionsWidth(2),
      compactWidth: COMPACT_ACTIONS,
      priority: 2,
      required: true,
      render: (n) => (
        <RowActions rowKey={n.id} name={n.hostname} actions={nodeRowActions(n, actions, n.id in pending)} />
      ),
    },
  ];
}

export function nodeRowActions(n: SwarmNode, a: NodeActions, busy: boolean): RowAction[] {
  const list: RowAction[] = [
    { id: 'inspect', label: 'Details', icon: InfoIcon, inline: true, run: () => a.open(n) },
  ];
  const avail = (to: NodeAvailability, label: string, icon: RowAction['icon']) => {
    if (n.availability !== to)
      list.push({ id: to, label, icon, disabled: busy, run: () => a.availability(n, to) });
  };
  avail('active', 'Activate', PlayArrowIcon);
  avail('pause', 'Pause (no new tasks)', PauseIcon);
  avail('drain', 'Drain (move tasks away)', RemoveCircleIcon);
  if (n.role === 'worker')
    list.push({
      id: 'promote',
      label: 'Promote to manager',
      icon: ArrowUpwardIcon,
      disabled: busy,
      run: () => a.role(n, 'manager'),
    });
  else
    list.push({
      id: 'demote',
      label: 'Demote to worker',
      icon: ArrowDownwardIcon,
      disabled: busy,
      run: () => a.role(n, 'worker'),
    });
  list.push({ id: 'labels', label: 'Edit labels', icon: LabelIcon, disabled: busy, method: 'nodes.update', run: () => a.labels(n) });
  list.push({
    id: 'remove',
    label: 'Remove',
    icon: DeleteIcon,
    inline: true,
    destructive: true,
    disabled: busy,
    method: 'nodes.remove',
    run: () => a.remove(n),
  });
  return list;
}
