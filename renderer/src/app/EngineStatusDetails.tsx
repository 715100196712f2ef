import { useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import { formatTime, type EngineStatus, type TransportState } from '../api/contract';
import { useMay } from '../components/access';
import { ErrorDetails } from '../components/ErrorDetails';
import { useBerth } from '../stores/context';
import type { EngineSummary } from '../stores/selectors';

interface Props {
  status: EngineStatus | null;
  transport: TransportState;
  summary: EngineSummary;
  retry: string | null;
}

const sourceNames: Record<string, string> = {
  settings: 'chosen in Settings',
  flag: 'command-line flag',
  'docker-host': 'DOCKER_HOST',
  'docker-context': 'Docker context',
  'default-socket': 'default socket',
  'podman-socket': 'Podman socket',
  embedded: 'embedded engine',
};

function Row({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </>
  );
}

/** The engine details popover: which engine, where, what version, and what went wrong. */
export function EngineStatusDetails({ status, transport, summary, retry }: Props) {
  const reconnect = useBerth((s) => s.reconnectEngine);
  const mayRetry = useMay('engine.reconnect');
  const [busy, setBusy] = useState(false);
  const engine = status?.engine;
  const version = status?.version;
  const retryNow = () => {
    setBusy(true);
    void reconnect().finally(() => setBusy(false));
  };

  return (
    <Box sx={{ p: 2, width: 380 }}>
      <Typography variant="subtitle1" gutterBottom>
        {summary.label}
      </Typography>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        <Row label="Backend link" value={transport} />
        <Row label="State" value={status?.state} />
        <Row label="Engine" value={engine?.label} />
        <Row label="Endpoint" value={engine?.endpoint} />
        <Row label="Found via" value={engine ? (sourceNames[engine.source] ?? engine.source) : undefined} />
        <Row label="Version" value={version ? `${version.version} (API ${version.apiVersion})` : undefined} />
        <Row label="Platform" value={version ? `${version.os}/${version.arch}` : undefined} />
        <Row label="Since" value={status ? formatTime(status.since) : undefined} />
        <Row label="Attempt" value={status?.reconnect ? String(status.reconnect.attempt) : undefined} />
      </Box>
      {engine?.insecure && (
        <Alert severity="warning" sx={{ mt: 1.5 }}>
          This engine is reached over TCP without TLS: anyone on the network can control it. Use TLS or SSH.
        </Alert>
      )}
      {summary.error && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          {summary.error.message}
          {retry ? ` (${retry})` : ''}
          <ErrorDetails details={summary.error.details} />
        </Alert>
      )}
      {transport === 'open' && status?.state !== 'connected' && mayRetry && (
        <Button sx={{ mt: 1.5 }} variant="outlined" disabled={busy} onClick={retryNow}>
          Retry now
        </Button>
      )}
    </Box>
  );
}
