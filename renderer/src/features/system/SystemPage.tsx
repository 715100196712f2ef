import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import CleaningServicesIcon from '@mui/icons-material/CleaningServices';
import RefreshIcon from '@mui/icons-material/Refresh';
import { formatBytes, type BerthErrorData } from '../../api/contract';
import { IfMay } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { CleanupDialog } from './CleanupDialog';
import { CATEGORIES, DiskUsageChart } from './DiskUsageChart';
import { EngineInfoPanel } from './EngineInfoPanel';

function Failure({ what, error }: { what: string; error: BerthErrorData }) {
  return (
    <Alert severity="error">
      Could not read {what}: {error.message}
      <ErrorDetails details={error.details} />
    </Alert>
  );
}

/** Disk usage (with a one-click clean-up that previews first) and what the engine is and how it is set up. */
export function SystemPage() {
  const client = useBerth((s) => s.client);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  // Re-read when the engine (re)connects; `last` keeps the numbers on screen while a refresh runs.
  const df = useCall(client, 'system.df', {}, connected);
  const engine = useCall(client, 'system.info', {}, connected);
  const usage = df.last;
  const info = engine.last;
  const errors = { df: df.error, info: engine.error };
  const [cleaning, setCleaning] = useState(false);
  const refresh = () => {
    df.reload();
    engine.reload();
  };

  const total = (field: 'cleanupBytes' | 'reclaimableBytes') =>
    usage ? CATEGORIES.reduce((n, c) => n + usage[c.key][field], 0) : 0;
  const freed = total('cleanupBytes');
  const unused = Math.max(freed, total('reclaimableBytes'));
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          System
        </Typography>
        <Tooltip title="Refresh">
          <IconButton aria-label="Refresh" onClick={refresh}>
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </Box>
      {!connected && !usage && <Typography color="text.secondary">Disk usage and engine facts appear here once the engine can be reached.</Typography>}
      <Paper variant="outlined" component="section" aria-labelledby="disk-usage-title" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
          <Typography id="disk-usage-title" variant="h6" component="h2" sx={{ flex: 1 }}>
            Disk usage
          </Typography>
          {usage && (
            <Tooltip title="A clean-up with its default options removes stopped containers, untagged images and unused build cache, as its preview lists. Tagged images and volumes no container uses are kept unless you choose them there.">
              <Typography color="text.secondary" data-testid="cleanup-summary">
                A clean-up frees {formatBytes(freed)}
                {unused > freed ? ` · ${formatBytes(unused)} not in use` : ''}
              </Typography>
            </Tooltip>
          )}
          <IfMay method="system.prune">
            <Button variant="contained" startIcon={<CleaningServicesIcon />} onClick={() => setCleaning(true)} disabled={!connected}>
              Clean up…
            </Button>
          </IfMay>
        </Box>
        {errors.df && <Failure what="disk usage" error={errors.df} />}
        {!usage && !errors.df && connected && (
          <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={16} /> Measuring disk usage…
          </Box>
        )}
        {usage && (
          <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr', xs: '1fr' }, gap: 2, alignItems: 'start' }}>
            <DiskUsageChart usage={usage} />
            <Table size="small" aria-label="Disk usage by kind">
              <TableHead>
                <TableRow>
                  <TableCell>Kind</TableCell>
                  <TableCell align="right">Count</TableCell>
                  <TableCell align="right">In use</TableCell>
                  <TableCell align="right">Size</TableCell>
                  <TableCell align="right">Clean-up frees</TableCell>
                  <TableCell align="right">Not in use</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {CATEGORIES.map((c) => (
                  <TableRow key={c.key}>
                    <TableCell component="th" scope="row">
                      {c.label}
                    </TableCell>
                    <TableCell align="right">{usage[c.key].count}</TableCell>
                    <TableCell align="right">{usage[c.key].active}</TableCell>
                    <TableCell align="right">{formatBytes(usage[c.key].totalBytes)}</TableCell>
                    <TableCell align="right">{formatBytes(usage[c.key].cleanupBytes)}</TableCell>
                    <TableCell align="right">{formatBytes(Math.max(usage[c.key].reclaimableBytes, usage[c.key].cleanupBytes))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Paper>
      <Box component="section" aria-labelledby="engine-info-title">
        <Typography id="engine-info-title" variant="h6" component="h2" gutterBottom>
          Engine
        </Typography>
        {errors.info && <Failure what="engine facts" error={errors.info} />}
        {info && <EngineInfoPanel info={info} />}
      </Box>
      {cleaning && (
        <CleanupDialog
          onClose={() => {
            setCleaning(false);
            refresh();
          }}
        />
      )}
    </Box>
  );
}
