import { Chip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { formatBytes, formatTime, type VolumeSummary } from '../../api/contract';
import type { GridColumn } from '../../components/grid/ResourceGrid';
import { actionsWidth, COMPACT_ACTIONS } from '../../components/grid/grid';
import { RowActions } from '../../components/grid/RowActions';
import { RowLink } from '../../components/grid/RowLink';
import { displayName, type VolumeSortKey } from './view';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export function volumeColumns(actions: {
  open: (v: VolumeSummary) => void;
  remove: (v: VolumeSummary) => void;
}): GridColumn<VolumeSummary, VolumeSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(200px, 2fr)',
      sortKey: 'name',
      render: (v) => (
        <>
          <RowLink rowKey={v.name} title={`Open ${v.name}`} onOpen={() => actions.open(v)} sx={{ ...ellipsis, fontWeight: 500 }}>
            {displayName(v)}
          </RowLink>
          {v.anonymous && <Chip size="small" variant="outlined" label="anonymous" />}
          {v.composeProject && (
            <Chip size="small" variant="outlined" label={v.composeProject} title="Compose project" />
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
      render: (v) => <Typography variant="body2">{v.driver}</Typography>,
    },
    {
      id: 'size',
      label: 'Size',
      width: '100px',
      sortKey: 'size',
      render: (v) => <Typography variant="body2">{formatBytes(v.size)}</Typography>,
    },
    {
      id: 'usedBy',
      label: 'Used by',
      width: 'minmax(160px, 2fr)',
      sortKey: 'usedBy',
      priority: 1,
      render: (v) => (
        <Typography
          variant="body2"
          color={v.usedBy.length ? 'text.primary' : 'text.secondary'}
          sx={ellipsis}
          title={v.usedBy.join(', ')}
        >
          {v.usedBy.length ? v.usedBy.join(', ') : 'unused'}
        </Typography>
      ),
    },
    {
      id: 'created',
      label: 'Created',
      width: '190px',
      sortKey: 'created',
      priority: 4,
      render: (v) => (
        <Typography variant="body2" color="text.secondary">
          {formatTime(v.created)}
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
      render: (v) => (
        <RowActions
          rowKey={v.name}
          name={v.name}
          actions={[
            { id: 'open', label: 'Open', icon: FolderOpenIcon, inline: true, run: () => actions.open(v) },
            {
              id: 'remove',
              label: 'Remove',
              icon: DeleteIcon,
              inline: true,
              destructive: true,
              method: 'volumes.remove',
              run: () => actions.remove(v),
            },
          ]}
        />
      ),
    },
  ];
}
