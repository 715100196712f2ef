import { useState } from 'react';
import { FormGroup } from '@mui/material';
import { CheckOption, DangerDialog } from '../../components/DangerDialog';
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
  return (
    <DangerDialog
      id={`confirm-${action.id}-title`}
      title={action.confirm.title(row.name)}
      lost={action.confirm.lost(row.name)}
      confirmLabel={action.confirm.confirmLabel}
      onConfirm={() => onConfirm(options)}
      onCancel={onCancel}
    >
      {action.id === 'remove' && (
        <FormGroup sx={{ mt: 1 }}>
          <CheckOption
            checked={options.volumes}
            onChange={(volumes) => setOptions({ ...options, volumes })}
            label="Also delete its anonymous volumes (their data is lost too)"
          />
          {running && (
            <CheckOption
              checked={options.force}
              onChange={(force) => setOptions({ ...options, force })}
              label={`Force: ${row.name} is ${row.state}; kill it first (processes get no chance to shut down cleanly)`}
            />
          )}
        </FormGroup>
      )}
    </DangerDialog>
  );
}
