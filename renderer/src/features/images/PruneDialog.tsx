import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Switch,
} from '@mui/material';
import {
  formatBytes,
  imageDisplayName,
  shortImageId,
  type BerthErrorData,
  type ImagePrunePreview,
  type ImagePruneResult,
} from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';

/** Prune with a preview: which images go and how much space that frees, before anything is deleted. */
export function PruneDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [danglingOnly, setDanglingOnly] = useState(true);
  // Keyed by the choice it answers, so switching the choice never shows the other one's preview.
  const [answer, setAnswer] = useState<{ danglingOnly: boolean; preview: ImagePrunePreview } | null>(null);
  const preview = answer?.danglingOnly === danglingOnly ? answer.preview : null;
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [pruning, setPruning] = useState(false);
  const [done, setDone] = useState<ImagePruneResult | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('images.prunePreview', { danglingOnly }).then((r) => {
      if (!live) return;
      if (r.ok) setAnswer({ danglingOnly, preview: r.value });
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, danglingOnly]);

  const prune = async () => {
    setPruning(true);
    const r = await client.call('images.prune', { danglingOnly });
    setPruning(false);
    if (r.ok) setDone(r.value);
    else setError(r.error);
  };

  const count = preview?.images.length ?? 0;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="prune-title">
      <DialogTitle id="prune-title">Prune images</DialogTitle>
      <DialogContent>
        {done ? (
          <DialogContentText role="status">
            Removed {done.deleted.length} {done.deleted.length === 1 ? 'image' : 'images'} and freed{' '}
            {formatBytes(done.reclaimedBytes)}.
          </DialogContentText>
        ) : (
          <>
            <FormControlLabel
              control={
                <Switch checked={!danglingOnly} onChange={(e) => setDanglingOnly(!e.target.checked)} />
              }
              label="Also remove tagged images that no container uses"
            />
            {!preview && !error && (
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 2 }} role="status">
                <CircularProgress size={18} /> Finding images to remove…
              </Box>
            )}
            {preview && (
              <>
                <DialogContentText sx={{ mt: 1 }}>
                  {count === 0
                    ? 'Nothing to prune: every image is tagged or in use.'
                    : `${count} ${count === 1 ? 'image' : 'images'} will be deleted, freeing about ${formatBytes(preview.reclaimableBytes)}. Images used by any container (running or stopped) are kept.`}
                </DialogContentText>
                <List dense aria-label="Images to remove" sx={{ maxHeight: 240, overflow: 'auto' }}>
                  {preview.images.map((i) => (
                    <ListItem key={i.id} disableGutters>
                      <ListItemText
                        primary={i.repoTags.length ? imageDisplayName(i) : `<none> ${shortImageId(i.id)}`}
                        secondary={formatBytes(i.size)}
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            )}
          </>
        )}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus={!done}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button
            color="error"
            variant="contained"
            disabled={!preview || count === 0 || pruning}
            onClick={() => void prune()}
          >
            {pruning ? 'Removing…' : `Remove ${count} ${count === 1 ? 'image' : 'images'}`}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
