import { Chip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import LinkIcon from '@mui/icons-material/AddLink';
import type { NetworkSummary } from '../../api/contract';
import type { GridColumn } from '../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../components/grid/grid';
import { RowActions, type RowAction } from '../../components/grid/RowActions';
import { subnetOf, type NetworkSortKey } from './view';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Actions {
  open: (n: NetworkSummary) => void;
  connect: (n: NetworkSummary) => void;
  remove: (n: NetworkSummary) => void;
}

export function networkColumns(actions: Actions): GridColumn<NetworkSummary, NetworkSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(180px, 2fr)',
      sortKey: 'name',
      render: (n) => (
        <>
          <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }} title={n.name}>
            {n.name}
          </Typography>
          {n.predefined && <Chip size="small" variant="outlined" label="predefined" />}
          {n.internal && <Chip size="small" variant="outlined" label="internal" />}
          {n.composeProject && (
            <Chip size="small" variant="outlined" label={n.composeProject} title="Compose project" />
          )}
        </>
      ),
    },
    {
      id: 'driver',
      label: 'Driver',
      width: '100px',
      sortKey: 'driver',
      priority: 3,
      render: (n) => <Typography variant="body2">{n.driver}</Typography>,
    },
    {
      id: 'subnet',
      label: 'Subnet',
      width: 'minmax(140px, 1fr)',
      sortKey: 'subnet',
      priority: 4,
      render: (n) => (
        <Typography
          variant="body2"
          sx={ellipsis}
          title={n.ipam.map((c) => `${c.subnet ?? ''} gw ${c.gateway ?? '—'}`).join('; ')}
        >
          {subnetOf(n) || '—'}
        </Typography>
      ),
    },
    {
      id: 'containers',
      label: 'Containers',
      width: 'minmax(200px, 2fr)',
      sortKey: 'containers',
      priority: 1,
      render: (n) => {
        const text = n.containers
          .map((c) => (c.ipv4Address ? `${c.containerName} (${c.ipv4Address})` : c.containerName))
          .join(', ');
        return (
          <Typography
            variant="body2"
            color={text ? 'text.primary' : 'text.secondary'}
            sx={ellipsis}
            title={text}
          >
            {text || 'none'}
          </Typography>
        );
      },
    },
    {
      id: 'actions',
      label: 'Actions',
      width: actionsWidth(3),
      compactWidth: COMPACT_ACTIONS,
      priority: 2,
      required: true,
      render: (n) => <RowActions rowKey={n.id} name={n.name} actions={rowActions(n, actions)} />,
    },
  ];
}

function rowActions(n: NetworkSummary, actions: Actions): RowAction[] {
  const list: RowAction[] = [
    { id: 'inspect', label: 'Inspect', icon: InfoIcon, inline: true, run: () => actions.open(n) },
  ];
  // host and none take no extra containers; the engine's own networks cannot be removed.
  if (!['host', 'none'].includes(n.name))
    list.push({
      id: 'connect',
      label: 'Connect a container',
      buttonName: `Connect a container to ${n.name}`,
      icon: LinkIcon,
      inline: true,
      method: 'networks.connect',
      run: () => actions.connect(n),
    });
  if (!n.predefined)
    list.push({
      id: 'remove',
      label: 'Remove',
      icon: DeleteIcon,
      inline: true,
      destructive: true,
      method: 'networks.remove',
      run: () => actions.remove(n),
    });
  return list;
}
