import { IconButton, Tooltip } from '@mui/material';
import type { ContainerRow } from '../../stores/selectors';
import { availableActions, type ContainerActionDef } from './actions';

interface Props {
  row: ContainerRow;
  onAction: (row: ContainerRow, action: ContainerActionDef) => void;
}

/** The row's action buttons, rendered from the action definitions available in the container's state. */
export function RowActions({ row, onAction }: Props) {
  const busy = row.pendingAction !== undefined;
  return (
    <>
      {availableActions(row.state).map((action) => {
        const Icon = action.icon;
        const name = `${action.label} ${row.name}`;
        const button = (
          <IconButton
            size="small"
            aria-label={name}
            disabled={busy}
            tabIndex={-1}
            color={action.id === 'remove' ? 'error' : 'default'}
            onClick={(e) => {
              e.stopPropagation();
              onAction(row, action);
            }}
          >
            <Icon fontSize="small" />
          </IconButton>
        );
        // A disabled button fires no events, so the tooltip would never close: show it only when enabled.
        return busy ? (
          <span key={action.id}>{button}</span>
        ) : (
          <Tooltip key={action.id} title={action.label} enterDelay={400}>
            {button}
          </Tooltip>
        );
      })}
    </>
  );
}
