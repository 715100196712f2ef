import { Alert, Link } from '@mui/material';
import type { SwarmStatus } from '../../../api/contract';

/**
 * What a swarm view shows instead of an empty board when the engine cannot answer swarm calls: why, and the next
 * step (create or join a swarm, or a local cluster; connect to a manager; unlock). Null when it is a manager.
 */
export function NotManagerNotice({ status, what }: { status: SwarmStatus | null; what: string }) {
  if (status === null || status.isManager) return null;
  switch (status.state) {
    case 'inactive':
      return (
        <Alert severity="info" sx={{ m: 2 }}>
          This engine is not part of a swarm, so there is no {what} to show. Create or join a swarm on the{' '}
          <Link href="#/swarm/overview">Overview</Link> tab, or create a{' '}
          <Link href="#/swarm/cluster">local multi-node cluster</Link> on this machine and connect Berth to it.
        </Alert>
      );
    case 'locked':
      return (
        <Alert severity="warning" sx={{ m: 2 }}>
          The swarm is locked: this manager needs its unlock key after a restart. Unlock it on the{' '}
          <Link href="#/swarm/overview">Overview</Link> tab to see the {what}.
        </Alert>
      );
    case 'pending':
      return (
        <Alert severity="info" sx={{ m: 2 }}>
          This engine is joining a swarm; the {what} appears once it is in.
        </Alert>
      );
    case 'error':
      return (
        <Alert severity="error" sx={{ m: 2 }}>
          The swarm reports an error{status.error ? `: ${status.error}` : ''}. See the{' '}
          <Link href="#/swarm/overview">Overview</Link> tab.
        </Alert>
      );
    case 'active':
      return (
        <Alert severity="info" sx={{ m: 2 }}>
          This node is a worker: only managers know the cluster&apos;s nodes and tasks. Connect Berth to a manager
          {status.remoteManagers[0] ? ` (for example ${status.remoteManagers[0].addr})` : ''} to see the {what}.
        </Alert>
      );
  }
}
