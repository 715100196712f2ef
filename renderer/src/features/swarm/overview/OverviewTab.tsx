import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import type { SwarmStatus } from '../../../api/contract';
import { IfMay, useMay } from '../../../components/access';
import { useBerth } from '../../../stores/context';
import { SwarmHealth } from '../health/SwarmHealth';
import { InitDialog } from './InitDialog';
import { JoinDialog } from './JoinDialog';
import { LeaveDialog } from './LeaveDialog';
import { ManagerOverview } from './ManagerOverview';
import { UnlockForm } from './UnlockForm';

type Dialog = 'init' | 'join' | 'leave' | null;

/** The swarm as this engine sees it, and what can be done from here (init, join, unlock, settings, leave). */
export function OverviewTab() {
  const status = useBerth((s) => s.swarm.status);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!status)
    return (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
        {connected ? (
          <>
            <CircularProgress size={18} /> Reading the swarm state…
          </>
        ) : (
          'The swarm state appears here once the engine can be reached.'
        )}
      </Box>
    );
  return (
    <Stack spacing={2} sx={{ p: 2, maxWidth: 960 }}>
      <StateBody status={status} onDialog={setDialog} />
      {dialog === 'init' && <InitDialog onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} />}
      {dialog === 'leave' && <LeaveDialog status={status} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function StateBody({ status, onDialog }: { status: SwarmStatus; onDialog: (d: Dialog) => void }) {
  const leave = (
    <IfMay method="swarm.leave">
      <Button color="error" variant="outlined" onClick={() => onDialog('leave')}>
        Leave the swarm…
      </Button>
    </IfMay>
  );
  if (status.state === 'inactive' || status.state === 'error')
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        {status.state === 'error' && (
          <Alert severity="error" sx={{ mb: 2 }}>
            The engine's swarm is in error{status.error ? `: ${status.error}` : '.'} Leave it (force) and join
            or initialize again.
          </Alert>
        )}
        <Typography variant="h6" component="h2">
          Not in a swarm
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Swarm mode runs services across several engines. Make this engine the first manager of a new swarm,
          or join an existing one with a token from one of its managers.
        </Typography>
        <Stack direction="row" spacing={1}>
          <IfMay method="swarm.init">
            <Button variant="contained" onClick={() => onDialog('init')}>
              Initialize a swarm
            </Button>
          </IfMay>
          <IfMay method="swarm.join">
            <Button variant="outlined" onClick={() => onDialog('join')}>
              Join a swarm
            </Button>
          </IfMay>
          {status.state === 'error' && leave}
        </Stack>
      </Paper>
    );
  if (status.state === 'locked') return <LockedBody />;
  if (status.state === 'pending')
    return (
      <Alert severity="info" action={leave}>
        This engine is joining a swarm; waiting for a manager to accept it.
      </Alert>
    );
  if (!status.isManager)
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2">
          This node is a worker
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          Workers run tasks but cannot list or change nodes and services. Connect Berth to a manager to manage
          the swarm{status.remoteManagers.length ? ':' : '.'}
        </Typography>
        {status.remoteManagers.map((m) => (
          <Typography key={m.nodeId} sx={{ fontFamily: 'monospace' }}>
            {m.addr}
          </Typography>
        ))}
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          Node {status.nodeId} at {status.nodeAddr ?? 'an unknown address'}
        </Typography>
        {leave}
      </Paper>
    );
  return (
    <>
      <SwarmHealth />
      <ManagerOverview status={status} onLeave={() => onDialog('leave')} />
    </>
  );
}

/** A locked swarm: an admin unlocks it with the key; other roles are told so. */
function LockedBody() {
  const mayUnlock = useMay('swarm.unlock');
  if (mayUnlock) return <UnlockForm />;
  return <Alert severity="warning">This manager is locked (autolock): an admin unlocks it with the swarm&apos;s unlock key.</Alert>;
}
