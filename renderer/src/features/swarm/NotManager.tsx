import { Alert, Box, Button, CircularProgress } from '@mui/material';
import type { SwarmStatus } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { swarmHref } from './tabs';

/** What to do when this engine cannot answer swarm calls; null when it can (a reachable manager). */
export function notManagerMessage(status: SwarmStatus): { text: string; action?: string } | null {
  if (status.isManager && status.state === 'active') return null;
  switch (status.state) {
    case 'inactive':
      return { text: 'This engine is not part of a swarm.', action: 'Initialize or join a swarm' };
    case 'pending':
      return { text: 'This engine is joining a swarm; nodes and services appear once it has joined.' };
    case 'locked':
      return {
        text: 'This swarm manager is locked: it needs its unlock key after a restart.',
        action: 'Unlock',
      };
    case 'error':
      return {
        text: `This engine's swarm is in error${status.error ? `: ${status.error}` : ''}.`,
        action: 'Open the overview',
      };
    default:
      return {
        text: `This node is a worker: workers cannot list nodes or services. Connect Berth to a manager${
          status.remoteManagers[0] ? ` (e.g. ${status.remoteManagers[0].addr})` : ''
        } to manage the swarm.`,
      };
  }
}

/** Renders `children` only while the engine is a swarm manager; otherwise says why and what to do next. */
export function ManagerOnly({ what, children }: { what: string; children: React.ReactNode }) {
  const status = useBerth((s) => s.swarm.status);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  if (!status)
    return (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
        {connected ? (
          <>
            <CircularProgress size={18} /> Reading the swarm state…
          </>
        ) : (
          `${what} appear here once the engine can be reached.`
        )}
      </Box>
    );
  const message = notManagerMessage(status);
  if (!message) return <>{children}</>;
  return (
    <Alert
      severity="info"
      sx={{ m: 2 }}
      action={
        message.action && (
          <Button size="small" href={swarmHref('overview')}>
            {message.action}
          </Button>
        )
      }
    >
      {message.text}
    </Alert>
  );
}
