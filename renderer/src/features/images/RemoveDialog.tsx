import { useState } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel } from '@mui/material';
import type { ImageRow } from './view';
import { formatBytes } from '../../api/contract';

interface Props {
  row: ImageRow;
  onConfirm: (force: boolean) => void;
  onCancel: () => void;
}

/** Confirms removing an image and says what will be lost; containers that use it need force. */
export function RemoveDialog({ row, onConfirm, onCancel }: Props) {
  const inUse = row.containers.length > 0;
  const severalTags = row.repoTags.length > 1;
  const [force, setForce] = useState(false);
  const name = row.name === '<none>' ? row.shortId : row.name;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="remove-image-title" maxWidth="sm" fullWidth>
      <DialogTitle id="remove-image-title">Remove image {name}?</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          {severalTags
            ? `The image has ${row.repoTags.length} names (${row.repoTags.join(', ')}). Removing it deletes every name and its layers (${formatBytes(row.size)}) unless another image shares them.`
            : `${name} and its layers (${formatBytes(row.size)}) will be deleted from this engine unless another image shares them.`}{' '}
          You can pull or build it again later.
        </DialogContentText>
        {inUse && (
          <>
            <DialogContentText gutterBottom color="warning.main">
              Used by {row.containers.length === 1 ? 'container' : `${row.containers.length} containers`} {row.containers.join(', ')}. The engine refuses to
              remove it unless forced; forced, the containers stay but show the image only by ID.
            </DialogContentText>
            <FormControlLabel control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />} label="Force: remove it although containers use it" />
          </>
        )}
        {!inUse && severalTags && (
          <FormControlLabel control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />} label="Force: remove all names at once" />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" disabled={(inUse || severalTags) && !force} onClick={() => onConfirm(force)}>
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
