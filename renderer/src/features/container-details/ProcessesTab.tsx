import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import type { BerthErrorData, ContainerProcesses } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';

/** `docker top` as a table, refreshed on demand. */
export function ProcessesTab({ id, running }: { id: string; running: boolean }) {
  const client = useBerth((s) => s.client);
  const [top, setTop] = useState<ContainerProcesses | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [loading, setLoading] = useState(true);

  const [attempt, setAttempt] = useState(0);
  const load = useCallback(() => {
    setLoading(true);
    setAttempt((a) => a + 1);
  }, []);

  useEffect(() => {
    if (!running) return;
    let live = true;
    void client.call('containers.top', { id }).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setTop(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [client, id, running, attempt]);

  if (!running) {
    return <Typography sx={{ p: 2 }} color="text.secondary">The container is not running, so it has no processes. Start it to see them.</Typography>;
  }
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Button size="small" startIcon={<RefreshIcon />} onClick={load} disabled={loading}>
          Refresh
        </Button>
        {loading && <CircularProgress size={16} aria-label="Loading processes" />}
        {top && (
          <Typography variant="body2" color="text.secondary">
            {top.processes.length} process{top.processes.length === 1 ? '' : 'es'}
          </Typography>
        )}
      </Box>
      {error && (
        <Alert severity="error">
          {error.message}
          <ErrorDetails details={error.details ?? error.code} />
        </Alert>
      )}
      {top && (
        <Table size="small" aria-label="Processes">
          <TableHead>
            <TableRow>
              {top.titles.map((t) => (
                <TableCell key={t}>{t}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {top.processes.map((p, i) => (
              <TableRow key={`${p.join('|')}-${i}`}>
                {p.map((cell, j) => (
                  <TableCell key={j} sx={{ fontFamily: 'monospace', whiteSpace: j === p.length - 1 ? 'normal' : 'nowrap' }}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
