import { useCallback, useMemo, useState } from 'react';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { formatBytes } from '../../api/contract';
import { downloadTicket } from '../../api/transfers';
import { ErrorDetails } from '../../components/ErrorDetails';
import { nextSort, type Sort } from '../../components/grid/sort';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import type { ImageActionDef } from './actions';
import { ArchiveDialog } from './ArchiveDialog';
import { BuildDialog } from './BuildDialog';
import { NoImages, NoMatchingImages } from './EmptyState';
import { ImageDetailsDrawer, type DetailsTab } from './ImageDetailsDrawer';
import { ImageList } from './ImageList';
import { ImagesToolbar, type PageDialog } from './ImagesToolbar';
import { PruneDialog } from './PruneDialog';
import { PullDialog } from './PullDialog';
import { PushDialog } from './PushDialog';
import { RemoveDialog } from './RemoveDialog';
import { TagDialog } from './TagDialog';
import {
  filterImages,
  selectImageRows,
  sortImages,
  type ImageFilter,
  type ImageRow,
  type ImageSortKey,
} from './view';

const noFilter: ImageFilter = { query: '', usage: 'all' };
type RowDialog = { kind: 'details' | 'tag' | 'push' | 'remove'; id: string; tab?: DetailsTab };

/** The live list of images with search, usage filter and sorting; pull, build, load, import and prune. */
export function ImagesPage() {
  const rows = useBerth(selectImageRows);
  const loaded = useBerth((s) => s.images.loaded);
  const engineUnreachable = useBerth((s) => s.engineStatus?.state === 'unreachable');
  const listError = useBerth((s) => (engineUnreachable ? null : s.images.error));
  const runAction = useBerth((s) => s.images.runAction);
  const dismissError = useBerth((s) => s.images.dismissError);
  const [filter, setFilter] = useState<ImageFilter>(noFilter);
  const [sort, setSort] = useState<Sort<ImageSortKey>>({ key: 'name', direction: 'asc' });
  const [pageDialog, setPageDialog] = useState<PageDialog | null>(null);
  const [rowDialog, setRowDialog] = useState<RowDialog | null>(null);
  const now = useNow(30_000);

  const visible = useMemo(() => sortImages(filterImages(rows, filter), sort), [rows, filter, sort]);
  const totalSize = useMemo(() => formatBytes(rows.reduce((n, r) => n + r.size, 0)), [rows]);
  // The dialog follows the live row (a patch may change its tags or users while it is open).
  const dialogRow = rowDialog ? rows.find((r) => r.id === rowDialog.id) : undefined;

  const onAction = useCallback(
    (row: ImageRow, action: ImageActionDef) => {
      if (action.id === 'save') {
        void runAction(row.id, 'save', async (c) => {
          const ticket = await c.call('images.save', { ids: [row.repoTags[0] ?? row.id] });
          if (ticket.ok) downloadTicket(c, ticket.value);
          return ticket;
        });
      } else setRowDialog({ kind: action.id, id: row.id });
    },
    [runAction],
  );

  const onOpenSecurity = useCallback((row: ImageRow) => setRowDialog({ kind: 'details', id: row.id, tab: 'security' }), []);

  const onSort = useCallback(
    (key: ImageSortKey) => setSort((s) => nextSort(s, key, ['size', 'created', 'usage'])),
    [],
  );

  const closeRowDialog = () => setRowDialog(null);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Images
      </Typography>
      <ImagesToolbar
        filter={filter}
        onChange={setFilter}
        shown={visible.length}
        total={rows.length}
        totalSize={totalSize}
        onOpen={setPageDialog}
      />
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list images: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded && engineUnreachable ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Images appear here once the engine can be reached.
        </Typography>
      ) : !loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          <CircularProgress size={18} /> Loading images…
        </Box>
      ) : loaded && rows.length === 0 ? (
        <NoImages onPull={() => setPageDialog('pull')} onBuild={() => setPageDialog('build')} />
      ) : loaded && visible.length === 0 ? (
        <NoMatchingImages onClear={() => setFilter(noFilter)} />
      ) : (
        loaded && (
          <ImageList
            rows={visible}
            sort={sort}
            now={now}
            onSort={onSort}
            onAction={onAction}
            onDismissError={dismissError}
            onOpenSecurity={onOpenSecurity}
          />
        )
      )}
      {pageDialog === 'pull' && <PullDialog onClose={() => setPageDialog(null)} />}
      {pageDialog === 'build' && <BuildDialog onClose={() => setPageDialog(null)} />}
      {(pageDialog === 'load' || pageDialog === 'import') && (
        <ArchiveDialog kind={pageDialog} onClose={() => setPageDialog(null)} />
      )}
      {pageDialog === 'prune' && <PruneDialog onClose={() => setPageDialog(null)} />}
      {dialogRow && rowDialog?.kind === 'details' && (
        <ImageDetailsDrawer row={dialogRow} onClose={closeRowDialog} {...(rowDialog.tab ? { tab: rowDialog.tab } : {})} />
      )}
      {dialogRow && rowDialog?.kind === 'tag' && <TagDialog row={dialogRow} onClose={closeRowDialog} />}
      {dialogRow && rowDialog?.kind === 'push' && <PushDialog row={dialogRow} onClose={closeRowDialog} />}
      {dialogRow && rowDialog?.kind === 'remove' && (
        <RemoveDialog
          row={dialogRow}
          onCancel={closeRowDialog}
          onConfirm={(target) => {
            closeRowDialog();
            void runAction(dialogRow.id, 'remove', (c) => c.call('images.remove', target));
          }}
        />
      )}
    </Box>
  );
}
