import { memo, useMemo } from 'react';
import { Alert, Box, Chip, CircularProgress, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatBytes, formatTime, relativeTime, type MethodName } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { actionsWidth, COMPACT_ACTIONS } from '../../components/grid/grid';
import { GridCells } from '../../components/grid/GridCells';
import { useGridLayout, useGridRow } from '../../components/grid/GridContext';
import type { FitColumn } from '../../components/grid/layout';
import { RowActions } from '../../components/grid/RowActions';
import { ImageSecurityBadge } from '../security/images/ImageSecurityBadge';
import { ExtraTags } from './ExtraTags';
import { availableImageActions, imageActionById, type ImageActionDef } from './actions';
import type { ImageRow, ImageSortKey } from './view';

export const IMAGE_ROW_HEIGHT = 52;
/** The images grid's columns; on a narrow window the ID, date and users hide first, the actions squeeze last. */
export const imageColumns = [
  { id: 'name', label: 'Repository:tag', width: 'minmax(220px, 3fr)', sortKey: 'name' },
  { id: 'id', label: 'ID', width: '120px', priority: 5 },
  { id: 'size', label: 'Size', width: '100px', sortKey: 'size', priority: 1 },
  { id: 'created', label: 'Created', width: '130px', sortKey: 'created', priority: 4 },
  { id: 'usage', label: 'Used by', width: 'minmax(150px, 1.5fr)', sortKey: 'usage', priority: 3 },
  {
    id: 'actions',
    label: 'Actions',
    width: actionsWidth(5),
    compactWidth: COMPACT_ACTIONS,
    priority: 2,
    required: true,
  },
] as const satisfies readonly (FitColumn & { label: string; sortKey?: ImageSortKey })[];

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  row: ImageRow;
  now: number;
  onAction: (row: ImageRow, action: ImageActionDef) => void;
  onDismissError: (id: string) => void;
  /** Opens the image's details on its Security tab (the findings badge). */
  onOpenSecurity?: (row: ImageRow) => void;
}

/** The cells of one image row (the list owns positioning, focus and keyboard). */
/** The method behind each image action that changes something (hidden from roles that may not call it). */
const IMAGE_ACTION_METHODS: Partial<Record<ImageActionDef['id'], MethodName>> = {
  push: 'images.push',
  tag: 'images.tag',
  remove: 'images.remove',
};

export const ImageRowView = memo(function ImageRowView({ row, now, onAction, onDismissError, onOpenSecurity }: Props) {
  const pending = row.pendingAction ? imageActionById(row.pendingAction) : undefined;
  const busy = row.pendingAction !== undefined;
  const failed = row.failure ? imageActionById(row.failure.action) : undefined;
  const extraTags = row.repoTags.length - 1;
  const compact = useGridLayout()?.compact.has('actions') ?? false;
  const { tabIndex } = useGridRow(row.id);
  const label = row.name === '<none>' ? row.shortId : row.name;
  const actions = useMemo(
    () =>
      availableImageActions(row).map((a) => ({
        id: a.id,
        label: a.label,
        icon: a.icon,
        inline: true,
        disabled: busy,
        destructive: a.destructive ?? false,
        ...(IMAGE_ACTION_METHODS[a.id] ? { method: IMAGE_ACTION_METHODS[a.id] } : {}),
        run: () => onAction(row, a),
      })),
    [row, busy, onAction],
  );
  return (
    <>
      <GridCells
        height={IMAGE_ROW_HEIGHT}
        cells={{
          name: (
            <>
              <Typography
                variant="body2"
                sx={{ ...ellipsis, fontWeight: 500 }}
                color={row.usage === 'dangling' ? 'text.secondary' : 'text.primary'}
                title={row.repoTags.join('\n') || 'dangling: no tag points at this image'}
              >
                {row.name}
              </Typography>
              {extraTags > 0 && <ExtraTags names={row.repoTags.slice(1)} />}
              {onOpenSecurity && <ImageSecurityBadge id={row.id} tabIndex={tabIndex} onOpen={() => onOpenSecurity(row)} />}
              {pending?.progressLabel && (
                <Box
                  component="span"
                  role="status"
                  sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexShrink: 0 }}
                >
                  <CircularProgress size={14} aria-hidden />
                  <Typography variant="caption">{pending.progressLabel}</Typography>
                </Box>
              )}
            </>
          ),
          id: (
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }} color="text.secondary">
              {row.shortId}
            </Typography>
          ),
          size: <Typography variant="body2">{formatBytes(row.size)}</Typography>,
          created: (
            <Typography variant="body2" color="text.secondary" title={formatTime(row.created)}>
              {relativeTime(row.created, now)}
            </Typography>
          ),
          usage:
            row.usage === 'in use' ? (
              <Typography variant="body2" sx={ellipsis} title={row.containers.join(', ')}>
                {row.containers.join(', ')}
              </Typography>
            ) : (
              <Chip
                size="small"
                variant="outlined"
                color={row.usage === 'dangling' ? 'warning' : 'default'}
                label={row.usage}
              />
            ),
          actions: <RowActions rowKey={row.id} name={label} actions={actions} compact={compact} />,
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
            {failed?.label ?? 'Action'} failed: {row.failure.error.message}
            <ErrorDetails details={row.failure.error.details ?? row.failure.error.code} />
          </Alert>
        </Box>
      )}
    </>
  );
});
