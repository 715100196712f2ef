import { Alert, Box, Button, CircularProgress, Paper, Typography } from '@mui/material';
import { formatTime, type SwarmStatus } from '../../../api/contract';
import { IfMay, useMayCall } from '../../../components/access';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { JoinTokens } from './JoinTokens';
import { SettingsForm } from './SettingsForm';
import { UnlockKey } from './UnlockKey';

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** A manager's view: the cluster's identity and size, join tokens, the unlock key, settings, leave. */
export function ManagerOverview({ status, onLeave }: { status: SwarmStatus; onLeave: () => void }) {
  const client = useBerth((s) => s.client);
  const details = useCall(client, 'swarm.inspect', {});
  const d = details.last;
  const may = useMayCall();
  return (
    <>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Swarm
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
          <Fact label="Cluster ID" value={status.clusterId ?? d?.clusterId ?? '—'} />
          <Fact label="Nodes" value={status.nodes ?? '—'} />
          <Fact label="Managers" value={status.managers ?? '—'} />
          <Fact label="This node" value={`${status.nodeId ?? '—'} (${status.nodeAddr ?? 'no address'})`} />
          {d?.createdAt !== undefined && <Fact label="Created" value={formatTime(d.createdAt)} />}
          {d && d.defaultAddrPool.length > 0 && (
            <Fact label="Overlay pools" value={d.defaultAddrPool.join(', ')} />
          )}
        </Box>
        {d?.rootRotationInProgress && (
          <Alert severity="info" sx={{ mt: 2 }}>
            The root CA is being rotated.
          </Alert>
        )}
      </Paper>
      <IfMay method="swarm.joinTokens">
        <JoinTokens />
      </IfMay>
      {details.error && (
        <Alert severity="error" action={<Button onClick={details.reload}>Retry</Button>}>
          Could not read the swarm's settings: {details.error.message}
          <ErrorDetails details={details.error.details} />
        </Alert>
      )}
      {!d && !details.error && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }} role="status">
          <CircularProgress size={18} /> Reading the swarm's settings…
        </Box>
      )}
      {d?.settings.autolock && may('swarm.unlockKey') && <UnlockKey />}
      {d && <SettingsForm details={d} onSaved={details.reload} />}
      {may('swarm.leave') && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h2" gutterBottom>
            Leave
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            A manager leaving can break the swarm's quorum; demote it from the Nodes tab first when others
            remain.
          </Typography>
          <Button color="error" variant="outlined" onClick={onLeave}>
            Leave the swarm…
          </Button>
        </Paper>
      )}
    </>
  );
}
