import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import type { ContainerRow } from '../../stores/selectors';
import {
  actionById,
  bulkActionIds,
  needsForce,
  type ActionOptions,
  type ContainerActionDef,
} from './actions';
import { useMayCall } from '../../components/access';

interface Props {
  selected: ContainerRow[];
  onRun: (rows: ContainerRow[], action: ContainerActionDef, options?: ActionOptions) => void;
  onClear: () => void;
}

/** Shown while containers are selected: bulk start/stop/restart/remove, each on the rows it applies to. */
export function BulkBar({ selected, onRun, onClear }: Props) {
  const may = useMayCall();
  const [removing, setRemoving] = useState<ContainerRow[] | null>(null);
  const [volumes, setVolumes] = useState(false);
  if (selected.length === 0) return null;
  return (
    <Box
      role="toolbar"
      aria-label="Selected containers"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, bgcolor: 'action.selected' }}
    >
      <Typography variant="body2" sx={{ mr: 1, fontWeight: 500 }}>
        {selected.length} selected
      </Typography>
      {bulkActionIds.map((id) => {
        const action = actionById(id);
        if (!action || !may(action.method)) return null;
        const applicable = selected.filter(
          (r) => action.availableIn.includes(r.state) && r.pendingAction === undefined,
        );
        const Icon = action.icon;
        return (
          <Button
            key={id}
            size="small"
            startIcon={<Icon fontSize="small" />}
            color={id === 'remove' ? 'error' : 'inherit'}
            disabled={applicable.length === 0}
            onClick={() => (action.confirm ? setRemoving(applicable) : onRun(applicable, action))}
          >
            {action.label} ({applicable.length})
          </Button>
        );
      })}
      <Button size="small" onClick={onClear} sx={{ ml: 'auto' }}>
        Clear selection
      </Button>
      {removing && (
        <Dialog
          open
          onClose={() => setRemoving(null)}
          aria-labelledby="bulk-remove-title"
          maxWidth="sm"
          fullWidth
        >
          <DialogTitle id="bulk-remove-title">
            Remove {removing.length} {removing.length === 1 ? 'container' : 'containers'}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText>
              These containers and their writable layers will be deleted: every file they created or changed
              outside volumes is lost. Running ones are killed first. Their images and named volumes are kept.
            </DialogContentText>
            <List dense sx={{ maxHeight: 240, overflow: 'auto' }} aria-label="Containers to remove">
              {removing.map((r) => (
                <ListItem key={r.id} disableGutters>
                  <ListItemText primary={r.name} secondary={`${r.image} · ${r.state}`} />
                </ListItem>
              ))}
            </List>
            <FormControlLabel
              control={<Checkbox checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />}
              label="Also delete their anonymous volumes (their data is lost too)"
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRemoving(null)} autoFocus>
              Cancel
            </Button>
            <Button
              color="error"
              variant="contained"
              onClick={() => {
                const action = actionById('remove');
                if (action)
                  for (const r of removing) onRun([r], action, { force: needsForce(r.state), volumes });
                setRemoving(null);
              }}
            >
              Remove {removing.length}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}
