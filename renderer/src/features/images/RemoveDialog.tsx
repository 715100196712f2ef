import { useState } from 'react';
import { DialogContentText } from '@mui/material';
import { formatBytes } from '../../api/contract';
import { CheckOption, DangerDialog } from '../../components/DangerDialog';
import type { ImageRow } from './view';

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
  const lost = severalTags
    ? `The image has ${row.repoTags.length} names (${row.repoTags.join(', ')}). Removing it deletes every name and its layers (${formatBytes(row.size)}) unless another image shares them.`
    : `${name} and its layers (${formatBytes(row.size)}) will be deleted from this engine unless another image shares them.`;
  return (
    <DangerDialog
      id="remove-image-title"
      title={`Remove image ${name}?`}
      lost={`${lost} You can pull or build it again later.`}
      confirmLabel="Remove"
      canConfirm={!((inUse || severalTags) && !force)}
      onConfirm={() => onConfirm(force)}
      onCancel={onCancel}
    >
      {inUse && (
        <>
          <DialogContentText gutterBottom color="warning.main">
            Used by {row.containers.length === 1 ? 'container' : `${row.containers.length} containers`}{' '}
            {row.containers.join(', ')}. The engine refuses to remove it unless forced; forced, the containers
            stay but show the image only by ID.
          </DialogContentText>
          <CheckOption
            checked={force}
            onChange={setForce}
            label="Force: remove it although containers use it"
          />
        </>
      )}
      {!inUse && severalTags && (
        <CheckOption checked={force} onChange={setForce} label="Force: remove all names at once" />
      )}
    </DangerDialog>
  );
}
