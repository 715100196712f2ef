import { useState } from 'react';
import { DialogContentText } from '@mui/material';
import { formatBytes, type BerthErrorData, type VolumeSummary } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { useBerth } from '../../stores/context';

/** Confirms removing a volume and says plainly that its data is gone for good. */
export function RemoveVolumeDialog({
  volume,
  onClose,
}: {
  volume: VolumeSummary;
  onClose: (removed: boolean) => void;
}) {
  const client = useBerth((s) => s.client);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const remove = async () => {
    setBusy(true);
    const result = await client.call('volumes.remove', { name: volume.name });
    setBusy(false);
    if (result.ok) onClose(true);
    else setError(result.error);
  };
  return (
    <DangerDialog
      id="remove-volume-title"
      title={`Remove volume ${volume.name}?`}
      lost={`All data in this volume${volume.size !== undefined ? ` (${formatBytes(volume.size)})` : ''} is lost. This cannot be undone; back it up first if you may need it.`}
      confirmLabel="Remove volume"
      busy={busy}
      error={error}
      onConfirm={() => void remove()}
      onCancel={() => onClose(false)}
    >
      {volume.usedBy.length > 0 && (
        <DialogContentText>
          It is used by {volume.usedBy.join(', ')}: remove{' '}
          {volume.usedBy.length > 1 ? 'those containers' : 'that container'} first.
        </DialogContentText>
      )}
    </DangerDialog>
  );
}
