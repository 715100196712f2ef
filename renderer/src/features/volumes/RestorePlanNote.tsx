import { Alert } from '@mui/material';
import type { VolumeRestorePlan } from '../../api/contract';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';

/** Says before the restore what it will do to the volume: create, fill, replace exactly, or merge while in use. */
export function RestorePlanNote({ name, valid }: { name: string; valid: boolean }) {
  const client = useBerth((s) => s.client);
  const plan = useCall(client, 'volumes.restorePlan', { name }, valid);
  if (!valid) return null;
  if (plan.error) return <Alert severity="error">Could not check the volume: {plan.error.message}</Alert>;
  const p = plan.last?.volume === name ? plan.last : undefined;
  if (!p) return null;
  return <Alert severity={severity(p)} role="note" aria-label="What the restore does">{describePlan(p)}</Alert>;
}

/** Replacing and merging both change files that are there now. */
const severity = (p: VolumeRestorePlan) => (p.state === 'filled' ? 'warning' : 'info');

export function describePlan(p: VolumeRestorePlan): string {
  switch (p.mode) {
    case 'created':
      return `${p.volume} does not exist: the restore creates it (tick "Create the volume") and fills it with the backup.`;
    case 'filled':
      return `${p.volume} is empty: the backup's files are written into it.`;
    case 'replaced':
      return `${p.volume} holds files and no container uses it: with "Overwrite" it is emptied first, so afterwards it holds exactly what the backup holds. Its current files cannot be recovered.`;
    case 'merged':
      return `${p.volume} holds files and is used by ${p.usedBy.join(', ')}: with "Overwrite" the backup's files are written over the current ones, and files that are not in the backup stay. For an exact copy, remove those containers first (or restore into a new volume).`;
  }
}
