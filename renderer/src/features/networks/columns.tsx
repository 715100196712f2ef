import { Chip, IconButton, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import LinkIcon from '@mui/icons-material/AddLink';
import type { NetworkSummary } from '../../api/contract';
import type { GridColumn } from '../../components/grid/ResourceGrid';
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
          {n.composeProject && <Chip size="small" variant="outlined" label={n.composeProject} title="Compose project" />}
        </>
      ),
    },
    { id: 'driver', label: 'Driver', width: '100px', sortKey: 'driver', render: (n) => <Typography variant="body2">{n.driver}</Typography> },
    {
      id: 'subnet',
      label: 'Subnet',
      width: 'minmax(140px, 1fr)',
      sortKey: 'subnet',
      render: (n) => (
        <Typography variant="body2" sx={ellipsis} title={n.ipam.map((c) => `${c.subnet ?? ''} gw ${c.gateway ?? '—'}`).join('; ')}>
          {subnetOf(n) || '—'}
        </Typography>
      ),
    },
    {
      id: 'containers',
      label: 'Containers',
      width: 'minmax(200px, 2fr)',
      sortKey: 'containers',
      render: (n) => {
        const text = n.containers.map((c) => (c.ipv4Address ? `${c.containerName} (${c.ipv4Address})` : c.containerName)).join(', ');
        return (
          <Typography variant="body2" color={text ? 'text.primary' : 'text.secondary'} sx={ellipsis} title={text}>
            {text || 'none'}
          </Typography>
        );
      },
    },
    {
      id: 'actions',
      label: 'Actions',
      width: '132px',
      render: (n) => (
        <>
          <Tooltip title="Details">
            <IconButton size="small" tabIndex={-1} aria-label={`Inspect ${n.name}`} onClick={() => actions.open(n)}>
              <InfoIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          {!['host', 'none'].includes(n.name) && (
            <Tooltip title="Connect a container">
              <IconButton size="small" tabIndex={-1} aria-label={`Connect a container to ${n.name}`} onClick={() => actions.connect(n)}>
                <LinkIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
          {!n.predefined && (
            <Tooltip title="Remove">
              <IconButton size="small" tabIndex={-1} color="error" aria-label={`Remove ${n.name}`} onClick={() => actions.remove(n)}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </>
      ),
    },
  ];
}
export const NETWORKS_MIN_WIDTH = 780;
