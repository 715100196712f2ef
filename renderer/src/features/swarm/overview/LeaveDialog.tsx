import { useState } from 'react';
import { Alert } from '@mui/material';
import type { BerthErrorData, SwarmStatus } from '../../../api/contract';
import { CheckOption, DangerDialog } from '../../../components/DangerDialog';
import { useBerth } from '../../../stores/context';

/** Quorum after this manager leaves: a majority of the managers must stay reachable. */
function quorumWarning(status: SwarmStatus): string {
  const managers = status.managers ?? 1;
  if (managers <= 1)
    return 'This is the only manager: leaving destroys the swarm for every node. Services, secrets and configs are gone and the workers are left orphaned.';
  const left = managers - 1;
  const needed = Math.floor(managers / 2) + 1;
  return left < needed
    ? `Leaving ${managers} managers with ${left} breaks the quorum (${needed} needed): the swarm cannot be managed until it is restored.`
    : `${left} of ${managers} managers remain, enough for a quorum of ${needed}; demote this node first to leave cleanly.`;
}

/** `docker swarm leave [--force]`: managers need force, and are told what it does to the quorum. */
export function LeaveDialog({ status, onClose }: { status: SwarmStatus; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const setSwarmStatus = useBerth((s) => s.setSwarmStatus);
  const needsForce = status.isManager || status.state === 'error' || status.state === 'locked';
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const leave = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('swarm.leave', { force: needsForce && force });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setSwarmStatus(r.value);
    onClose();
  };
  return (
    <DangerDialog
      id="swarm-leave-title"
      title="Leave the swarm?"
      lost="This engine stops running swarm tasks; their containers are removed. Overlay networks of the swarm disappear from it."
      confirmLabel={needsForce ? 'Force leave' : 'Leave'}
      busy={busy}
      error={error}
      canConfirm={!needsForce || force}
      onConfirm={() => void leave()}
      onCancel={onClose}
    >
      {status.isManager && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {quorumWarning(status)}
        </Alert>
      )}
      {needsForce && (
        <CheckOption
          checked={force}
          onChange={setForce}
          label={
            status.isManager
              ? 'Force: leave although this node is a manager'
              : 'Force: leave although the swarm is not healthy'
          }
        />
      )}
    </DangerDialog>
  );
}
