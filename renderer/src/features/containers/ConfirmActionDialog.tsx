import { useState } from 'react';
import {
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
import type { ContainerRow } from '../../stores/selectors';
import { needsForce, type ActionOptions, type ContainerActionDef } from './actions';

interface Props {
  row: ContainerRow;
  action: ContainerActionDef & { confirm: NonNullable<ContainerActionDef['confirm']> };
  onConfirm: (options: ActionOptions) => void;
  onCancel: () => void;
}

/** Confirms a destructive action and says what will be lost; for remove, offers volumes and force. */
export function ConfirmActionDialog({ row, action, onConfirm, onCancel }: Props) {
  const running = needsForce(row.state);
  const [options, setOptions] = useState<ActionOptions>({ force: running, volumes: false });
  const isRemove = action.id === 'remove';
  const titleId = `confirm-${action.id}-title`;

  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{action.confirm.title(row.name)}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{action.confirm.lost(row.name)}</DialogContentText>
        {isRemove && (
          <FormGroup sx={{ mt: 1 }}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={options.volumes}
                  onChange={(e) => setOptions({ ...options, volumes: e.target.checked })}
                />
              }
              label="Also delete its anonymous volumes (their data is lost too)"
            />
            {running && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={options.force}
                    onChange={(e) => setOptions({ ...options, force: e.target.checked })}
                  />
                }
                label={`Force: ${row.name} is ${row.state}; kill it first (processes get no chance to shut down cleanly)`}
              />
            )}
          </FormGroup>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => onConfirm(options)}>
          {action.confirm.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
