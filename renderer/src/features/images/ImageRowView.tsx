import { memo } from 'react';
import { Alert, Box, Chip, CircularProgress, IconButton, Tooltip, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatBytes, formatTime, relativeTime } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { availableImageActions, imageActionById, type ImageActionDef } from './actions';
import type { ImageRow } from './view';

export const IMAGE_ROW_HEIGHT = 52;
export const imageColumns = [
  { id: 'name', label: 'Repository:tag', width: 'minmax(220px, 3fr)', sortKey: 'name' },
  { id: 'id', label: 'ID', width: '120px' },
  { id: 'size', label: 'Size', width: '100px', sortKey: 'size' },
  { id: 'created', label: 'Created', width: '130px', sortKey: 'created' },
  { id: 'usage', label: 'Used by', width: 'minmax(150px, 1.5fr)', sortKey: 'usage' },
  { id: 'actions', label: 'Actions', width: '190px' },
] as const;
export const imageGrid = imageColumns.map((c) => c.width).join(' ');

const cell = { display: 'flex', alignItems: 'center', minWidth: 0, px: 1, gap: 0.5 } as const;
const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  row: ImageRow;
  now: number;
  onAction: (row: ImageRow, action: ImageActionDef) => void;
  onDismissError: (id: string) => void;
}

/** The cells of one image row (the list owns positioning, focus and keyboard). */
export const ImageRowView = memo(function ImageRowView({ row, now, onAction, onDismissError }: Props) {
  const pending = row.pendingAction ? imageActionById(row.pendingAction) : undefined;
  const busy = row.pendingAction !== undefined;
  const failed = row.failure ? imageActionById(row.failure.action) : undefined;
  const extraTags = row.repoTags.length - 1;
  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: imageGrid, height: IMAGE_ROW_HEIGHT }}>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" sx={{ ...ellipsis, fontWeight: 500 }} color={row.usage === 'dangling' ? 'text.secondary' : 'text.primary'} title={row.repoTags.join('\n') || 'dangling: no tag points at this image'}>
            {row.name}
          </Typography>
          {extraTags > 0 && <Chip size="small" variant="outlined" label={`+${extraTags}`} title={row.repoTags.slice(1).join('\n')} />}
          {pending?.progressLabel && (
            <Box component="span" role="status" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexShrink: 0 }}>
              <CircularProgress size={14} aria-hidden />
              <Typography variant="caption">{pending.progressLabel}</Typography>
            </Box>
          )}
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }} color="text.secondary">
            {row.shortId}
          </Typography>
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2">{formatBytes(row.size)}</Typography>
        </Box>
        <Box role="gridcell" sx={cell}>
          <Typography variant="body2" color="text.secondary" title={formatTime(row.created)}>
            {relativeTime(row.created, now)}
          </Typography>
        </Box>
        <Box role="gridcell" sx={cell}>
          {row.usage === 'in use' ? (
            <Typography variant="body2" sx={ellipsis} title={row.containers.join(', ')}>
              {row.containers.join(', ')}
            </Typography>
          ) : (
            <Chip size="small" variant="outlined" color={row.usage === 'dangling' ? 'warning' : 'default'} label={row.usage} />
          )}
        </Box>
        <Box role="gridcell" sx={{ ...cell, gap: 0 }}>
          {availableImageActions(row).map((action) => {
            const Icon = action.icon;
            const button = (
              <IconButton
                size="small"
                aria-label={`${action.label} ${row.name === '<none>' ? row.shortId : row.name}`}
                disabled={busy}
                tabIndex={-1}
                color={action.destructive ? 'error' : 'default'}
                onClick={(e) => {
                  e.stopPropagation();
                  onAction(row, action);
                }}
              >
                <Icon fontSize="small" />
              </IconButton>
            );
            // A disabled button fires no events, so its tooltip would never close.
            return busy ? (
              <span key={action.id}>{button}</span>
            ) : (
              <Tooltip key={action.id} title={action.label} enterDelay={400}>
                {button}
              </Tooltip>
            );
          })}
        </Box>
      </Box>
      {row.failure && (
        <Box role="gridcell" sx={{ px: 1, pb: 1 }}>
          <Alert
            severity="error"
            sx={{ py: 0 }}
            action={
              <IconButton size="small" aria-label={`Dismiss error for ${row.name}`} onClick={() => onDismissError(row.id)}>
                <CloseIcon fontSize="small" />
              </IconButton>
            }
          >
            {failed?.label ?? 'Action'} failed: {row.failure.error.message}
            <ErrorDetails details={row.failure.error.details ?? row.failure.error.code} />
          </Alert>
        </Box>
      )}
    </>
  );
});
