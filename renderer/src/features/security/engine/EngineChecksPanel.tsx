import { Alert, Box, IconButton, List, ListItem, Paper, Tooltip, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { formatTime, type CheckStatus, type EngineCheck } from '../../../api/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { CheckStatusChip } from './checkStatus';

const order: Record<CheckStatus, number> = { fail: 0, warn: 1, unknown: 2, pass: 3 };

function CheckRow({ check }: { check: EngineCheck }) {
  const titleId = `engine-check-${check.id}`;
  return (
    <ListItem divider aria-labelledby={titleId} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
      <CheckStatusChip status={check.status} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography id={titleId} component="h3" variant="subtitle2">
            {check.title}
          </Typography>
          {check.benchmark && (
            <Typography variant="caption" color="text.secondary" title={check.benchmark.version}>
              CIS {check.benchmark.id}
            </Typography>
          )}
          {check.status !== 'pass' && check.status !== 'unknown' && (
            <Typography variant="caption" color="text.secondary">
              severity {check.severity}
            </Typography>
          )}
        </Box>
        <Typography variant="body2">{check.why}</Typography>
        {check.fix && check.status !== 'pass' && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            <strong>How to fix:</strong> {check.fix}
          </Typography>
        )}
      </Box>
    </ListItem>
  );
}

/**
 * The engine-wide security checks (`engineAudit.checks`), worst first, each with its CIS Docker Benchmark id, why
 * it matters and how to fix it. Self-contained: loads its own data, again when the engine reconnects.
 */
export function EngineChecksPanel() {
  const client = useBerth((s) => s.client);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  const result = useCall(client, 'engineAudit.checks', {}, connected);
  const data = result.last;
  const checks = data ? [...data.checks].sort((a, b) => order[a.status] - order[b.status]) : [];
  const counts = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="engine-checks-title" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography id="engine-checks-title" variant="h6" component="h2" sx={{ flex: 1 }}>
          Engine checks
        </Typography>
        {data && (
          <Typography variant="body2" color="text.secondary">
            {counts('fail')} failed · {counts('warn')} warnings · {counts('pass')} passed
            {counts('unknown') ? ` · ${counts('unknown')} unknown` : ''} — {data.endpoint}, {formatTime(data.checkedAt)}
          </Typography>
        )}
        <Tooltip title="Check again">
          <IconButton aria-label="Check the engine again" onClick={result.reload} disabled={!connected}>
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </Box>
      {!connected && !data && <Typography color="text.secondary">The engine is checked once it can be reached.</Typography>}
      <ErrorAlert error={result.error} sx={{ mb: 1 }} />
      {data && !data.local && (
        <Alert severity="info" sx={{ mb: 1 }}>
          This engine is not on this machine: checks that need its host (the data root&apos;s disk) show as unknown.
        </Alert>
      )}
      {result.loading && !data && <Typography color="text.secondary">Checking the engine…</Typography>}
      {data && (
        <List dense disablePadding aria-label="Engine checks">
          {checks.map((c) => (
            <CheckRow key={c.id} check={c} />
          ))}
        </List>
      )}
    </Paper>
  );
}
