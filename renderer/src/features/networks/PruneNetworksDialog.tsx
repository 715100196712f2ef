import { useEffect, useState } from 'react';
import { Box, CircularProgress, DialogContentText, List, ListItem, ListItemText } from '@mui/material';
import { plural, type BerthErrorData, type NetworkPrunePreview } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { useBerth } from '../../stores/context';

/** Lists the networks no running container uses, then removes exactly those. */
export function PruneNetworksDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [preview, setPreview] = useState<NetworkPrunePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);

  useEffect(() => {
    void client
      .call('networks.prunePreview', {})
      .then((r) => (r.ok ? setPreview(r.value) : setError(r.error)));
  }, [client]);

  const prune = async () => {
    setBusy(true);
    const r = await client.call('networks.prune', {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(
      r.value.failed.length ? 'warning' : 'success',
      `Removed ${plural(r.value.removed.length, 'network')}.${r.value.failed.length ? ` Not removed: ${r.value.failed.map((f) => f.name).join(', ')}` : ''}`,
    );
    onClose();
  };

  const count = preview?.networks.length ?? 0;
  return (
    <DangerDialog
      id="prune-networks-title"
      title="Remove unused networks"
      confirmLabel={count ? `Remove ${plural(count, 'network')}` : 'Remove'}
      canConfirm={count > 0}
      busy={busy}
      error={error}
      onConfirm={() => void prune()}
      onCancel={onClose}
    >
      {!preview ? (
        !error && (
          <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={16} /> Checking which networks are unused…
          </Box>
        )
      ) : count === 0 ? (
        <DialogContentText>
          Nothing to remove: every network you made is used by a running container.
        </DialogContentText>
      ) : (
        <>
          <DialogContentText>
            These networks have no running container. Stopped containers configured on them lose that setting.
          </DialogContentText>
          <List dense aria-label="Networks to remove">
            {preview.networks.map((n) => (
              <ListItem key={n.id} disableGutters>
                <ListItemText primary={n.name} secondary={n.driver} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </DangerDialog>
  );
}
