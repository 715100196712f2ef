import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
} from '@mui/material';
import type { ComposeProjectSummary } from '../../api/contract';
import { defaultDownOptions, type DownOptions } from './actions';

interface Props {
  project: ComposeProjectSummary;
  onConfirm: (options: DownOptions) => void;
  onCancel: () => void;
}

/** Down removes things: say what, and make deleting the volumes (and their data) an explicit extra choice. */
export function ConfirmDownDialog({ project, onConfirm, onCancel }: Props) {
  const [options, setOptions] = useState<DownOptions>(defaultDownOptions);
  const { total } = project.containers;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="compose-down-title" maxWidth="sm" fullWidth>
      <DialogTitle id="compose-down-title">Take {project.name} down?</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          This stops and removes the {total} {total === 1 ? 'container' : 'containers'} and the networks of {project.name}. Anything
          written inside the containers (outside volumes) is lost. The compose files stay, so Up brings the project back.
        </DialogContentText>
        <FormGroup sx={{ mt: 1 }}>
          <FormControlLabel
            control={<Checkbox checked={options.volumes} onChange={(e) => setOptions({ ...options, volumes: e.target.checked })} />}
            label="Also delete the project's volumes"
          />
          {options.volumes && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              The data in the project&apos;s named and anonymous volumes (databases, uploads, …) is deleted for good.
            </Alert>
          )}
          <FormControlLabel
            control={
              <Checkbox checked={options.removeOrphans} onChange={(e) => setOptions({ ...options, removeOrphans: e.target.checked })} />
            }
            label="Also remove containers of services no longer in the files (orphans)"
          />
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => onConfirm(options)}>
          {options.volumes ? 'Down and delete volumes' : 'Down'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
