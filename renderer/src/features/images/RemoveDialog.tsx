import { useState } from 'react';
import { DialogContentText, FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { formatBytes } from '../../api/contract';
import { CheckOption, DangerDialog } from '../../components/DangerDialog';
import type { ImageRow } from './view';

/** What the engine is asked to remove: one name (an untag) or the image by ID. */
export interface RemoveTarget {
  id: string;
  force: boolean;
}

interface Props {
  row: ImageRow;
  onConfirm: (target: RemoveTarget) => void;
  onCancel: () => void;
}

const WHOLE = '';

/**
 * Confirms removing an image and says what will be lost. An image with several names can lose just one (the
 * engine untags it; the image stays under its other names), or the whole image with every name (force).
 * Containers that use the image need force to remove it whole.
 */
export function RemoveDialog({ row, onConfirm, onCancel }: Props) {
  const inUse = row.containers.length > 0;
  const severalTags = row.repoTags.length > 1;
  const [force, setForce] = useState(false);
  // A name to untag, or WHOLE for the image itself; several names start with the one the row shows.
  const [target, setTarget] = useState(severalTags ? (row.repoTags[0] ?? WHOLE) : WHOLE);
  const name = row.name === '<none>' ? row.shortId : row.name;
  const whole = target === WHOLE;
  const others = row.repoTags.filter((t) => t !== target);
  const lost = !whole
    ? `The name ${target} is removed. The image stays, with its layers, as ${others.join(', ')}.`
    : severalTags
      ? `The image has ${row.repoTags.length} names (${row.repoTags.join(', ')}). Removing it deletes every name and its layers (${formatBytes(row.size)}) unless another image shares them. You can pull or build it again later.`
      : `${name} and its layers (${formatBytes(row.size)}) will be deleted from this engine unless another image shares them. You can pull or build it again later.`;
  // The engine refuses to remove an image with several names, or one containers use, unless forced.
  const needsForce = whole && (inUse || severalTags);
  return (
    <DangerDialog
      id="remove-image-title"
      title={whole || !severalTags ? `Remove image ${name}?` : `Remove the name ${target}?`}
      lost={lost}
      confirmLabel="Remove"
      canConfirm={!needsForce || force}
      onConfirm={() => onConfirm({ id: whole ? row.id : target, force: needsForce && force })}
      onCancel={onCancel}
    >
      {severalTags && (
        <RadioGroup
          aria-label="What to remove"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          sx={{ mb: 1 }}
        >
          {row.repoTags.map((t) => (
            <FormControlLabel
              key={t}
              value={t}
              control={<Radio size="small" />}
              label={`Only the name ${t}`}
            />
          ))}
          <FormControlLabel
            value={WHOLE}
            control={<Radio size="small" />}
            label="The image with every name"
          />
        </RadioGroup>
      )}
      {whole && inUse && (
        <DialogContentText gutterBottom color="warning.main">
          Used by {row.containers.length === 1 ? 'container' : `${row.containers.length} containers`}{' '}
          {row.containers.join(', ')}. The engine refuses to remove it unless forced; forced, the containers
          stay but show the image only by ID.
        </DialogContentText>
      )}
      {needsForce && (
        <CheckOption
          checked={force}
          onChange={setForce}
          label={inUse ? 'Force: remove it although containers use it' : 'Force: remove all names at once'}
        />
      )}
    </DangerDialog>
  );
}
