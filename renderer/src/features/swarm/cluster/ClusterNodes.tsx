import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ClusterNodeState, LocalClusterNode } from '../../../api/contract';

const stateColor: Record<ClusterNodeState, 'success' | 'info' | 'default' | 'error'> = {
  running: 'success',
  starting: 'info',
  stopped: 'default',
  failed: 'error',
};

/** The local cluster's nodes: name, hostname, role, address, state and why one failed. */
export function ClusterNodes({ nodes }: { nodes: LocalClusterNode[] }) {
  return (
    <Table size="small" aria-label="Cluster nodes">
      <TableHead>
        <TableRow>
          <TableCell>Node</TableCell>
          <TableCell>Hostname</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Address</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {nodes.map((n) => (
          <TableRow key={n.name} aria-label={n.name}>
            <TableCell>{n.name}</TableCell>
            <TableCell>{n.hostname}</TableCell>
            <TableCell>{n.role}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{n.address}</TableCell>
            <TableCell>
              <Chip size="small" label={n.state} color={stateColor[n.state]} />
              {n.error && (
                <Typography variant="caption" color="error" component="div">
                  {n.error}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
