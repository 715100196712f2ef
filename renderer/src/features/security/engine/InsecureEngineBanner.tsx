import { Alert, AlertTitle } from '@mui/material';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';

export const TCP_CHECK_ID = 'engine.tcp-without-tls';

/**
 * A loud, global banner while the engine's API is reachable over TCP without TLS: because Berth connects that way
 * (known at once from the connection) or because the engine reports such a listener (from the engine checks).
 * It cannot be dismissed: the Docker API is root on the host.
 */
export function InsecureEngineBanner() {
  const client = useBerth((s) => s.client);
  const status = useBerth((s) => s.engineStatus);
  const connected = status?.state === 'connected';
  // Re-checked on every (re)connection: engineStatus changes then, and so does the key of the call.
  const checks = useCall(client, 'engineAudit.checks', {}, connected);
  const tcp = checks.value?.checks.find((c) => c.id === TCP_CHECK_ID);
  const insecureLink = connected && status.engine?.insecure === true;
  // What a check said about an engine Berth is no longer connected to is not shown.
  if (!connected || (!insecureLink && tcp?.status !== 'fail')) return null;
  return (
    <Alert severity="error" variant="filled" role="alert" sx={{ m: 2, mb: 0 }}>
      <AlertTitle>The Docker API is open over the network without TLS</AlertTitle>
      {tcp?.status === 'fail'
        ? tcp.why
        : `Berth reaches this engine at ${status?.engine?.endpoint ?? 'a tcp:// address'} without TLS: anyone who can reach that port controls the host.`}{' '}
      {tcp?.fix ?? 'Use a Unix socket, ssh://, or TLS with client certificates.'}
    </Alert>
  );
}
