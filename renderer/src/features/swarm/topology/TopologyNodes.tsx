import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Box, Chip, Paper, Typography } from '@mui/material';
import ViewInArIcon from '@mui/icons-material/ViewInAr';
import HubIcon from '@mui/icons-material/Hub';
import type { Node } from '@xyflow/react';
import { tasksText, type NetworkNodeData, type PortNodeData, type ServiceNodeData } from './graph';
import type { StackGroupData } from './model';

/** Running/desired as a colour: all running, some, none of those wanted, or none wanted. */
export function tasksColour(d: Pick<ServiceNodeData, 'running' | 'desired'>): 'success' | 'warning' | 'error' | 'default' {
  if (d.desired === 0) return 'default';
  if (d.running >= d.desired) return 'success';
  return d.running === 0 ? 'error' : 'warning';
}

// Handles are only anchors for the edges: the graph is not editable here.
const hidden = { opacity: 0, pointerEvents: 'none' as const };

function ServiceView({ data }: NodeProps<Node<ServiceNodeData, 'service'>>) {
  return (
    <Paper variant="outlined" sx={{ height: '100%', boxSizing: 'border-box', px: 1.25, py: 0.75, cursor: 'pointer', '.selected &, .react-flow__node:focus-visible &': { borderColor: 'primary.main' } }}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <ViewInArIcon fontSize="small" color="primary" aria-hidden />
        <Typography variant="subtitle2" noWrap sx={{ flex: 1 }} title={data.name}>
          {data.name}
        </Typography>
        <Chip size="small" color={tasksColour(data)} label={tasksText(data)} aria-hidden />
      </Box>
      <Typography variant="caption" color="text.secondary" noWrap component="div" sx={{ fontFamily: 'monospace' }} title={data.image}>
        {data.image}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {data.mode}
      </Typography>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </Paper>
  );
}

function NetworkView({ data }: NodeProps<Node<NetworkNodeData, 'network'>>) {
  return (
    <Paper
      variant="outlined"
      sx={{ height: '100%', boxSizing: 'border-box', px: 1.25, py: 0.5, borderRadius: 4, cursor: 'pointer', borderStyle: data.ingress ? 'dashed' : 'solid', '.react-flow__node:focus-visible &': { borderColor: 'primary.main' } }}
    >
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <HubIcon fontSize="small" color={data.ingress ? 'secondary' : 'action'} aria-hidden />
        <Typography variant="subtitle2" noWrap sx={{ flex: 1 }} title={data.name}>
          {data.name}
        </Typography>
      </Box>
      <Typography variant="caption" color="text.secondary" noWrap component="div">
        {data.ingress ? 'ingress · routing mesh' : (data.driver ?? 'unknown driver')}
        {!data.ingress && data.scope ? ` · ${data.scope}` : ''}
      </Typography>
    </Paper>
  );
}

function PortView({ data }: NodeProps<Node<PortNodeData, 'port'>>) {
  return (
    <Paper variant="outlined" sx={{ height: '100%', boxSizing: 'border-box', px: 1, py: 0.25, cursor: 'pointer', bgcolor: 'action.hover', '.react-flow__node:focus-visible &': { borderColor: 'primary.main' } }}>
      <Typography variant="body2" noWrap sx={{ fontFamily: 'monospace' }}>
        {data.published}→{data.target}/{data.protocol}
      </Typography>
      <Typography variant="caption" color="text.secondary" noWrap component="div">
        {data.mode === 'host' ? 'host mode' : 'ingress'}
      </Typography>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </Paper>
  );
}

function StackView({ data }: NodeProps<Node<StackGroupData, 'stack'>>) {
  return (
    <Box sx={{ height: '100%', boxSizing: 'border-box', border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'action.hover', pointerEvents: 'none' }}>
      <Typography variant="caption" color="text.secondary" sx={{ px: 1, fontWeight: 600 }}>
        stack {data.name}
      </Typography>
    </Box>
  );
}

export const topologyNodeTypes = { service: memo(ServiceView), network: memo(NetworkView), port: memo(PortView), stack: memo(StackView) };
