import { memo, useMemo, type MouseEvent } from 'react';
import { Alert, Box, Checkbox, Chip, CircularProgress, IconButton, Link, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatTime, relativeTime, type MethodName } from '../../api/contract';
import { useMayCall } from '../../components/access';
import { containerHref } from '../../app/useHashRoute';
import { ErrorDetails } from '../../components/ErrorDetails';
import { GridCells } from '../../components/grid/GridCells';
import { useGridLayout, useGridRow } from '../../components/grid/GridContext';
import { RowActions, type RowAction } from '../../components/grid/RowActions';
import type { ContainerRow } from '../../stores/selectors';
import {
  actionById,
  availableActions,
  containerMenuActions,
  type ContainerActionDef,
  type ContainerMenuActionDef,
} from './actions';
import { ROW_HEIGHT } from './columns';
import { SecurityBadge } from '../security/SecurityBadge';

interface Props {
  row: ContainerRow;
  now: number;
  onAction: (row: ContainerRow, action: ContainerActionDef) => void;
  onDismissError: (id: string) => void;
  selected?: boolean;
  /** Checkbox click; `range` when Shift was held. */
  onToggleSelect?: (id: string, range: boolean) => void;
  onMenuAction?: (row: ContainerRow, action: ContainerMenuActionDef) => void;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** A row's buttons (the state's actions) and its menu (those and the "more" actions), from the definitions. */
function rowActions(
  row: ContainerRow,
  onAction: Props['onAction'],
  onMenuAction: Props['onMenuAction'],
  may: (method: MethodName) => boolean,
): RowAction[] {
  const busy = row.pendingAction !== undefined;
  // Actions the signed-in role may not use are not shown (the server refuses them anyway).
  const buttons = availableActions(row.state).filter((a) => may(a.method)).map((a) => ({
    id: a.id,
    label: a.label,
    icon: a.icon,
    inline: true,
    disabled: busy,
    destructive: a.id === 'remove',
    run: () => onAction(row, a),
  }));
  const more = onMenuAction
    ? containerMenuActions
        .filter((a) => a.available(row) && (!a.method || may(a.method)))
        .map((a) => ({ id: a.id, label: a.label, icon: a.icon, run: () => onMenuAction(row, a) }))
    : [];
  return [...buttons, ...more];
}

/** The cells of one container row (the list owns positioning, focus and keyboard). */
export const ContainerRowView = memo(function ContainerRowView({
  row,
  now,
  onAction,
  onDismissError,
  selected = false,
  onToggleSelect,
  onMenuAction,
}: Props) {
  const pending = row.pendingAction ? actionById(row.pendingAction) : undefined;
  const failedAction = row.failure ? actionById(row.failure.action) : undefined;
  const { tabIndex } = useGridRow(row.id);
  const compact = useGridLayout()?.compact.has('actions') ?? false;
  const may = useMayCall();
  const actions = useMemo(() => rowActions(row, onAction, onMenuAction, may), [row, onAction, onMenuAction, may]);
  return (
    <>
      <GridCells
        height={ROW_HEIGHT}
        cells={{
          select: (
            <Checkbox
              size="small"
              checked={selected}
              disabled={!onToggleSelect}
              tabIndex={tabIndex}
              slotProps={{ input: { 'aria-label': `Select ${row.name}` } }}
              // The click handler sees Shift (for ranges); the change event carries nothing more.
              onChange={() => undefined}
              onClick={(e: MouseEvent) => {
                e.stopPropagation();
                onToggleSelect?.(row.id, e.shiftKey);
              }}
            />
          ),
          name: (
            <Link
              href={containerHref(row.id)}
              variant="body2"
              underline="hover"
              color="inherit"
              tabIndex={tabIndex}
              sx={{ ...ellipsis, fontWeight: 500 }}
              title={`Open ${row.name}`}
              onClick={(e: MouseEvent) => e.stopPropagation()}
            >
              {row.name}
            </Link>
          ),
          image: (
            <Typography variant="body2" sx={ellipsis} title={row.image}>
              {row.image}
            </Typography>
          ),
          state: (
            <>
              <Chip
                size="small"
                label={row.state}
                color={row.stateTone}
                variant={row.stateTone === 'default' ? 'outlined' : 'filled'}
              />
              {pending && (
                <Box
                  component="span"
                  role="status"
                  sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                >
                  <CircularProgress size={14} aria-hidden />
                  <Typography variant="caption">{pending.progressLabel}</Typography>
                </Box>
              )}
            </>
          ),
          status: (
            <Typography variant="body2" color="text.secondary" sx={ellipsis} title={row.status}>
              {row.status}
            </Typography>
          ),
          security: <SecurityBadge id={row.id} tabIndex={tabIndex} />,
          ports: (
            <Box sx={{ ...ellipsis, display: 'flex', gap: 0.5 }}>
              {row.ports.map((p) =>
                p.url ? (
                  <Link
                    key={p.key}
                    variant="body2"
                    href={p.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    tabIndex={tabIndex}
                    title={`Open ${p.url}`}
                  >
                    {p.label}
                  </Link>
                ) : (
                  <Typography key={p.key} variant="body2" color="text.secondary" component="span">
                    {p.label}
                  </Typography>
                ),
              )}
            </Box>
          ),
          created: (
            <Typography variant="body2" color="text.secondary" title={formatTime(row.created)}>
              {relativeTime(row.created, now)}
            </Typography>
          ),
          project: (
            <Typography variant="body2" sx={ellipsis}>
              {row.project}
            </Typography>
          ),
          actions: <RowActions rowKey={row.id} name={row.name} actions={actions} compact={compact} />,
        }}
      />
      {row.failure && (
        <Box role="gridcell" sx={{ px: 1, pb: 1 }}>
          <Alert
            severity="error"
            sx={{ py: 0 }}
            action={
              <IconButton
                size="small"
                aria-label={`Dismiss error for ${row.name}`}
                onClick={() => onDismissError(row.id)}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            }
          >
            {failedAction?.label ?? 'Action'} failed: {row.failure.error.message}
            <ErrorDetails details={row.failure.error.details ?? row.failure.error.code} />
          </Alert>
        </Box>
      )}
    </>
  );
});
