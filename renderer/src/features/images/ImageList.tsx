import { GridHeader } from '../../components/grid/GridHeader';
import type { Sort } from '../../components/grid/sort';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import { availableImageActions, imageActionById, type ImageActionDef } from './actions';
import { IMAGE_ROW_HEIGHT, imageColumns, ImageRowView } from './ImageRowView';
import type { ImageRow, ImageSortKey } from './view';

const header = imageColumns.map((c) => ({
  id: c.id,
  label: c.label,
  sortKey: 'sortKey' in c ? c.sortKey : undefined,
}));
const details = imageActionById('details');

interface Props {
  rows: ImageRow[];
  sort: Sort<ImageSortKey>;
  now: number;
  onSort: (key: ImageSortKey) => void;
  onAction: (row: ImageRow, action: ImageActionDef) => void;
  onDismissError: (id: string) => void;
  onOpenSecurity?: (row: ImageRow) => void;
}

/**
 * The images grid: only the rows in view are in the DOM. The shared grid's keys (arrows, Enter opens the
 * details, the context-menu key the actions); shortcuts (Delete to remove, t to tag, p to push) act on the
 * focused row.
 */
export function ImageList({ rows, sort, now, onSort, onAction, onDismissError, onOpenSecurity }: Props) {
  return (
    <VirtualGrid
      label="Images"
      rows={rows}
      rowKey={(row) => row.id}
      rowHeight={IMAGE_ROW_HEIGHT}
      columns={imageColumns}
      header={<GridHeader columns={header} sort={sort} onSort={onSort} />}
      rowProps={(row) => ({
        'aria-label': row.name === '<none>' ? `<none> ${row.shortId}` : row.name,
        'aria-busy': row.pendingAction !== undefined,
      })}
      renderRow={(row) => (
        <ImageRowView
          row={row}
          now={now}
          onAction={onAction}
          onDismissError={onDismissError}
          {...(onOpenSecurity ? { onOpenSecurity } : {})}
        />
      )}
      onOpen={(row) => details && onAction(row, details)}
      onRowKey={(row, e) => {
        const action = availableImageActions(row).find((a) => a.shortcut === e.key);
        if (!action || row.pendingAction !== undefined) return false;
        onAction(row, action);
        return true;
      }}
    />
  );
}
