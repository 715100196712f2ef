import { memo } from 'react';
import type { MouseEvent } from 'react';
import { Alert, Box, Checkbox, Chip, CircularProgress, IconButton, Link, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatTime, relativeTime } from '../../api/contract';
import { containerHref } from '../../app/useHashRoute';
import { ErrorDetails } from '../../components/ErrorDetails';
import type { ContainerRow } from '../../stores/selectors';
import { actionById, type ContainerActionDef, type ContainerMenuActionDef } from './actions';
import { gridTemplate, ROW_HEIGHT } from './columns';
import { RowActions } from './RowActions';
import { RowMenu } from './RowMenu';

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

const cell = { display: 'flex', alignItems: 'center', minWidth: 0, px: 1, gap: 0.5 } as const;
const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

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
  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: gridTemplate, height: ROW_HEIGHT }}>
        <Box role="gridcell" sx={{ ...cell, px: 0.5 }}>
          <Checkbox
            size="small"
            checked={selected}
            disabled={!onToggleSelect}
            tabIndex={-1}
            slotProps={{ input: { 'aria-label': `Select ${row.name}` } }}
            // The click handler sees Shift (for ranges); the change event carries nothing more.
            onChange={() => undefined}
            onClick={(e: MouseEvent) => {
              e.stopPropagation();
              onToggleSelect?.(row.id, e.shiftKey);
            }}
          />
        </Box>
        <Box role="gridcell" sx={cell}>
          <Link
            href={containerHref(row.id)}
            variant="body2"
            underline="hover"
            color="inherit"
            tabIndex={-1}
            sx={{ ...ellipsis, fontWeight: 500 }}
            title={`Open ${row.name}`}
            onClick={(e: MouseEvent) => e.stopPropagation()}
          >
            {row.name}
          </Link>
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" sx={ellipsis} title={row.image}>
            {row.image}
          </Typography>
        </Box>
        <Box role="gridcell" sx={cell}>
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
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" color="text.secondary" sx={ellipsis} title={row.status}>
            {row.status}
          </Typography>
        </Box>
        <Box role="gridcell" sx={{ ...cell, ...ellipsis }}>
          {row.ports.map((p) =>
            p.url ? (
              <Link
                key={p.key}
                variant="body2"
                href={p.url}
                target="_blank"
                rel="noopener noreferrer"
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
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" color="text.secondary" title={formatTime(row.created)}>
            {relativeTime(row.created, now)}
          </Typography>
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" sx={ellipsis}>
            {row.project}
          </Typography>
        </Box>
        <Box role="gridcell" sx={{ ...cell, gap: 0 }}>
          <RowActions row={row} onAction={onAction} />
          {onMenuAction && <RowMenu row={row} onMenuAction={onMenuAction} />}
        </Box>
      </Box>
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
