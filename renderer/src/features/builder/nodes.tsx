import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Box, Chip, Paper, Tooltip, Typography } from '@mui/material';
import ViewInArIcon from '@mui/icons-material/ViewInAr';
import StorageIcon from '@mui/icons-material/Storage';
import HubIcon from '@mui/icons-material/Hub';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import type { BuilderNode } from './flowModel';

const icons = { service: ViewInArIcon, volume: StorageIcon, network: HubIcon };

/** One node of the canvas: a service (name, image, ports) or a volume/network, with its problems as a badge. */
function BuilderNodeView({ data, selected }: NodeProps<BuilderNode>) {
  const Icon = icons[data.kind];
  const errors = data.problems.length;
  return (
    <Paper
      variant="outlined"
      sx={{
        px: 1.25,
        py: 0.75,
        minWidth: data.kind === 'service' ? 180 : 120,
        maxWidth: 240,
        borderColor: errors ? 'error.main' : selected ? 'primary.main' : 'divider',
        borderWidth: selected || errors ? 2 : 1,
        borderRadius: data.kind === 'service' ? 1 : 4,
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Icon fontSize="small" color={data.kind === 'service' ? 'primary' : 'action'} aria-hidden />
        <Typography variant="subtitle2" noWrap sx={{ flex: 1 }}>
          {data.name}
        </Typography>
        {errors > 0 && (
          <Tooltip title={data.problems.map((p) => p.message).join('\n')}>
            <ErrorOutlineIcon fontSize="small" color="error" aria-label={`${errors} ${errors === 1 ? 'problem' : 'problems'}: ${data.problems.map((p) => p.message).join('; ')}`} />
          </Tooltip>
        )}
      </Box>
      {data.kind === 'service' && (
        <>
          <Typography variant="caption" color={data.image ? 'text.secondary' : 'error'} noWrap component="div" sx={{ fontFamily: 'monospace' }}>
            {data.image || 'no image'}
          </Typography>
          {(data.ports?.length || data.replicas !== undefined) && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
              {data.ports?.map((p) => <Chip key={p} size="small" variant="outlined" label={p} />)}
              {data.replicas !== undefined && <Chip size="small" label={`×${data.replicas}`} />}
            </Box>
          )}
        </>
      )}
      <Handle type="source" position={Position.Right} />
    </Paper>
  );
}

const View = memo(BuilderNodeView);
export const nodeTypes = { service: View, volume: View, network: View };
