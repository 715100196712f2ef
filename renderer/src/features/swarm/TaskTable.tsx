import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatTime, type SwarmTask } from '../../api/contract';

const stateColor = (t: SwarmTask) =>
  t.state === 'running'
    ? 'success'
    : ['failed', 'rejected', 'orphaned'].includes(t.state)
      ? 'error'
      : 'default';

/** Swarm tasks as a table: slot or node, state (and what it should be), error, since when. */
export function TaskTable({
  tasks,
  label,
  show,
  nodeName,
}: {
  tasks: SwarmTask[];
  label: string;
  /** The column that says where the task belongs: its service (on a node's page) or its node (on a service's). */
  show: 'service' | 'node';
  nodeName?: (id: string | undefined) => string;
}) {
  if (tasks.length === 0)
    return (
      <Typography color="text.secondary" variant="body2" sx={{ py: 1 }}>
        No tasks.
      </Typography>
    );
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>{show === 'service' ? 'Service' : 'Task'}</TableCell>
            {show === 'node' && <TableCell>Node</TableCell>}
            <TableCell>State</TableCell>
            <TableCell>Error</TableCell>
            <TableCell>Since</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tasks.map((t) => (
            <TableRow key={t.id}>
              <TableCell>
                {show === 'service'
                  ? t.serviceName
                  : `${t.serviceName}.${t.slot ?? t.nodeId?.slice(0, 12) ?? ''}`}
              </TableCell>
              {show === 'node' && <TableCell>{nodeName?.(t.nodeId) ?? t.nodeId ?? '—'}</TableCell>}
              <TableCell>
                <Chip size="small" color={stateColor(t)} label={t.state} />
                {t.desiredState !== t.state && (
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    → {t.desiredState}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ color: 'error.main', maxWidth: 280, wordBreak: 'break-word' }}>
                {t.error ?? ''}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {t.stateSince ? formatTime(t.stateSince) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Newest first: the current task of a slot before the ones it replaced. */
export const byNewest = (a: SwarmTask, b: SwarmTask): number =>
  (b.updatedAt ?? b.createdAt ?? 0) - (a.updatedAt ?? a.createdAt ?? 0);

/** Tasks the orchestrator still wants (current) versus the history of replaced ones. */
export const isCurrent = (t: SwarmTask): boolean => !['shutdown', 'remove'].includes(t.desiredState);
