import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { plural, formatBytes, formatMemory, formatRate, type BerthErrorData, type StatsSample } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { StatsChart } from './StatsChart';

/** Samples kept for the charts: one a second, so about a minute. */
export const STATS_WINDOW = 60;

/** Appends a sample, keeping the newest `window`. */
export const pushSample = (samples: StatsSample[], s: StatsSample, window = STATS_WINDOW): StatsSample[] =>
  [...samples, s].slice(-window);

function Card({ title, value, detail, children }: { title: string; value: string; detail?: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={title} role="group">
      <Typography variant="body2" color="text.secondary">
        {title}
      </Typography>
      <Typography variant="h6" component="p">
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary" component="p">
          {detail}
        </Typography>
      )}
      <Box sx={{ mt: 1 }}>{children}</Box>
    </Paper>
  );
}

/** Live CPU, memory, network and block I/O of a running container, with the last minute charted. */
export function StatsTab({ id, running }: { id: string; running: boolean }) {
  const client = useBerth((s) => s.client);
  const [samples, setSamples] = useState<StatsSample[]>([]);
  const [ended, setEnded] = useState<{ error?: BerthErrorData } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!running) return;
    const sub = client.stream('containers.stats', { id }, {
      onData: (s) => setSamples((prev) => pushSample(prev, s)),
      onEnd: (error) => setEnded(error ? { error } : {}),
    });
    return () => sub.close();
  }, [client, id, running, attempt]);

  if (!running) {
    return <Typography sx={{ p: 2 }} color="text.secondary">Statistics are measured while the container runs. Start it to see them.</Typography>;
  }
  const last = samples.at(-1);
  const of = (pick: (s: StatsSample) => number) => samples.map(pick);
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      {ended?.error && (
        <Alert severity="error" action={<Button
              onClick={() => {
                setSamples([]);
                setEnded(null);
                setAttempt((a) => a + 1);
              }}
            >
              Reconnect
            </Button>}>
          Statistics stopped: {ended.error.message}
          <ErrorDetails details={ended.error.details ?? ended.error.code} />
        </Alert>
      )}
      {!last ? (
        <Typography color="text.secondary" role="status">
          Waiting for the first sample…
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 2 }}>
          <Card title="CPU" value={`${last.cpuPercent.toFixed(1)} %`} detail={plural(last.pids, 'process', 'processes')}>
            <StatsChart label="CPU over the last minute" window={STATS_WINDOW} max={1} format={(v) => `${v.toFixed(v < 10 ? 1 : 0)} %`} series={[{ label: 'CPU', color: '#1976d2', values: of((s) => s.cpuPercent) }]} />
          </Card>
          <Card
            title="Memory"
            value={formatMemory(last.memoryUsage)}
            detail={last.memoryLimit ? `${last.memoryPercent.toFixed(1)} % of ${formatMemory(last.memoryLimit)}` : undefined}
          >
            <StatsChart label="Memory over the last minute" window={STATS_WINDOW} format={formatMemory} base={1024} series={[{ label: 'Memory', color: '#9c27b0', values: of((s) => s.memoryUsage) }]} />
          </Card>
          <Card title="Network" value={`↓ ${formatRate(last.netRxRate)}  ↑ ${formatRate(last.netTxRate)}`} detail={`received ${formatBytes(last.netRxBytes)}, sent ${formatBytes(last.netTxBytes)}`}>
            <StatsChart
              label="Network over the last minute"
              window={STATS_WINDOW}
              format={formatRate}
              base={1000}
              series={[
                { label: 'received', color: '#2e7d32', values: of((s) => s.netRxRate) },
                { label: 'sent', color: '#ed6c02', values: of((s) => s.netTxRate) },
              ]}
            />
          </Card>
          <Card title="Block I/O" value={`R ${formatRate(last.blockReadRate)}  W ${formatRate(last.blockWriteRate)}`} detail={`read ${formatBytes(last.blockReadBytes)}, written ${formatBytes(last.blockWriteBytes)}`}>
            <StatsChart
              label="Block I/O over the last minute"
              window={STATS_WINDOW}
              format={formatRate}
              base={1000}
              series={[
                { label: 'read', color: '#0288d1', values: of((s) => s.blockReadRate) },
                { label: 'write', color: '#d32f2f', values: of((s) => s.blockWriteRate) },
              ]}
            />
          </Card>
        </Box>
      )}
      {ended && !ended.error && <Alert severity="info">The container stopped; statistics ended.</Alert>}
    </Box>
  );
}
