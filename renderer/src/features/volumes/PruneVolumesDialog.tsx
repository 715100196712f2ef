import { useState } from 'react';
import {
  Box,
  CircularProgress,
  DialogContentText,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
} from '@mui/material';
import { plural, formatBytes, type BerthErrorData, type VolumePruneScope } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';

/** Shows exactly which unused volumes a prune removes (anonymous only, or all) before removing them. */
export function PruneVolumesDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [scope, setScope] = useState<VolumePruneScope>('anonymous');
  const { value: preview, error: previewError } = useCall(client, 'volumes.prunePreview', { scope });
  const [busy, setBusy] = useState(false);
  const [pruneError, setError] = useState<BerthErrorData | null>(null);
  const error = pruneError ?? previewError;

  const prune = async () => {
    setBusy(true);
    const r = await client.call('volumes.prune', { scope });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(
      r.value.failed.length ? 'warning' : 'success',
      `Removed ${plural(r.value.removed.length, 'volume')}, ${formatBytes(r.value.reclaimedBytes)} freed.${r.value.failed.length ? ` ${r.value.failed.length} could not be removed: ${r.value.failed[0]?.message ?? ''}` : ''}`,
    );
    onClose();
  };

  const count = preview?.volumes.length ?? 0;
  return (
    <DangerDialog
      id="prune-volumes-title"
      title="Remove unused volumes"
      confirmLabel={count ? `Remove ${count} ${count === 1 ? 'volume' : 'volumes'}` : 'Remove'}
      canConfirm={count > 0}
      busy={busy}
      error={error}
      onConfirm={() => void prune()}
      onCancel={onClose}
    >
      <RadioGroup
        value={scope}
        onChange={(e) => setScope(e.target.value as VolumePruneScope)}
        aria-label="Which volumes"
      >
        <FormControlLabel
          value="anonymous"
          control={<Radio />}
          label="Anonymous volumes only (made by the engine for containers that are gone)"
        />
        <FormControlLabel value="all" control={<Radio />} label="All unused volumes, named ones too" />
      </RadioGroup>
      {!preview ? (
        !error && (
          <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 2 }}>
            <CircularProgress size={16} /> Checking which volumes are unused…
          </Box>
        )
      ) : count === 0 ? (
        <DialogContentText sx={{ mt: 2 }}>
          Nothing to remove: every {scope === 'anonymous' ? 'anonymous ' : ''}volume is used by a container.
        </DialogContentText>
      ) : (
        <>
          <DialogContentText sx={{ mt: 2 }}>
            The data in these volumes is lost; {formatBytes(preview.reclaimableBytes)} of disk space is freed.
          </DialogContentText>
          <List dense aria-label="Volumes to remove" sx={{ maxHeight: 240, overflow: 'auto' }}>
            {preview.volumes.map((v) => (
              <ListItem key={v.name} disableGutters>
                <ListItemText
                  primary={v.name}
                  secondary={`${formatBytes(v.size)}${v.anonymous ? ' · anonymous' : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </DangerDialog>
  );
}
