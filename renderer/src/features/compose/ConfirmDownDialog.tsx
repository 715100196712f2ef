import { useState } from 'react';
import { Alert, FormGroup } from '@mui/material';
import type { ComposeProjectSummary } from '../../api/contract';
import { CheckOption, DangerDialog } from '../../components/DangerDialog';
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
    <DangerDialog
      id="compose-down-title"
      title={`Take ${project.name} down?`}
      lost={`This stops and removes the ${total} ${total === 1 ? 'container' : 'containers'} and the networks of ${project.name}. Anything written inside the containers (outside volumes) is lost. The compose files stay, so Up brings the project back.`}
      confirmLabel={options.volumes ? 'Down and delete volumes' : 'Down'}
      onConfirm={() => onConfirm(options)}
      onCancel={onCancel}
    >
      <FormGroup sx={{ mt: 1 }}>
        <CheckOption checked={options.volumes} onChange={(volumes) => setOptions({ ...options, volumes })} label="Also delete the project's volumes" />
        {options.volumes && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            The data in the project&apos;s named and anonymous volumes (databases, uploads, …) is deleted for good.
          </Alert>
        )}
        <CheckOption
          checked={options.removeOrphans}
          onChange={(removeOrphans) => setOptions({ ...options, removeOrphans })}
          label="Also remove containers of services no longer in the files (orphans)"
        />
      </FormGroup>
    </DangerDialog>
  );
}
