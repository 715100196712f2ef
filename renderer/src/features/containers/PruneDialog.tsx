import { useEffect, useState } from 'react';
import {
  Box,
  CircularProgress,
  DialogContentText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { formatBytes, type BerthErrorData, type ContainerPrunePreview } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { useBerth } from '../../stores/context';

interface Props {
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Shows which stopped containers would go and what it frees, then removes exactly those. */
export function PruneDialog({ onClose, onDone }: Props) {
  const client = useBerth((s) => s.client);
  const [preview, setPreview] = useState<ContainerPrunePreview | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('containers.prunePreview', {}).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const prune = async () => {
    if (!preview) return;
    setBusy(true);
    const r = await client.call('containers.prune', { ids: preview.containers.map((c) => c.id) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const skipped = r.value.skipped.length
      ? `; kept ${r.value.skipped.map((s) => s.name).join(', ')} (${r.value.skipped[0]?.reason ?? ''})`
      : '';
    onDone(
      `Removed ${r.value.removed.length} stopped containers, freed ${formatBytes(r.value.spaceReclaimed)}${skipped}`,
    );
  };

  const count = preview?.containers.length ?? 0;
  return (
    <DangerDialog
      id="prune-title"
      title="Prune stopped containers"
      confirmLabel={busy ? 'Removing…' : `Remove ${count} ${count === 1 ? 'container' : 'containers'}`}
      canConfirm={count > 0}
      busy={busy}
      error={error}
      onConfirm={() => void prune()}
      onCancel={onClose}
    >
      {!preview && !error && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }} role="status">
          <CircularProgress size={18} /> Finding stopped containers and their sizes…
        </Box>
      )}
      {preview && count === 0 && (
        <DialogContentText>There are no stopped containers: nothing to prune.</DialogContentText>
      )}
      {preview && count > 0 && (
        <>
          <DialogContentText gutterBottom>
            {count === 1 ? 'This container is' : `These ${count} containers are`} not running. Removing them
            deletes their writable layers (files they changed outside volumes); their images and volumes are
            kept. A container started in the meantime is kept.
          </DialogContentText>
          <Table size="small" aria-label="Containers to prune">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Size</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.containers.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.status}</TableCell>
                  <TableCell align="right">{formatBytes(c.sizeRw)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={2} sx={{ fontWeight: 500 }}>
                  Total reclaimed
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 500 }}>
                  {formatBytes(preview.totalBytes)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </>
      )}
    </DangerDialog>
  );
}
