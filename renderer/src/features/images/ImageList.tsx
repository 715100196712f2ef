import { GridHeader } from '../../components/grid/GridHeader';
import type { Sort } from '../../components/grid/sort';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import { availableImageActions, type ImageActionDef } from './actions';
import { IMAGE_ROW_HEIGHT, imageColumns, imageGrid, ImageRowView } from './ImageRowView';
import type { ImageRow, ImageSortKey } from './view';

const MIN_WIDTH = 940;

interface Props {
  rows: ImageRow[];
  sort: Sort<ImageSortKey>;
  now: number;
  onSort: (key: ImageSortKey) => void;
  onAction: (row: ImageRow, action: ImageActionDef) => void;
  onDismissError: (id: string) => void;
}

/**
 * The images grid: only the rows in view are in the DOM. Arrow keys, Home/End and Page keys move between rows;
 * action shortcuts (Enter for details, Delete to remove, t to tag, p to push) act on the focused row.
 */
export function ImageList({ rows, sort, now, onSort, onAction, onDismissError }: Props) {
  return (
    <VirtualGrid
      label="Images"
      rows={rows}
      rowKey={(row) => row.id}
      rowHeight={IMAGE_ROW_HEIGHT}
      minWidth={MIN_WIDTH}
      colCount={imageColumns.length}
      header={
        <GridHeader
          columns={imageColumns.map((c) => ({ id: c.id, label: c.label, sortKey: 'sortKey' in c ? c.sortKey : undefined }))}
          template={imageGrid}
          minWidth={MIN_WIDTH}
          sort={sort}
          onSort={onSort}
        />
      }
      rowProps={(row) => ({
        'aria-label': row.name === '<none>' ? `<none> ${row.shortId}` : row.name,
        'aria-busy': row.pendingAction !== undefined,
      })}
      renderRow={(row) => <ImageRowView row={row} now={now} onAction={onAction} onDismissError={onDismissError} />}
      onRowKey={(row, e) => {
        const action = availableImageActions(row).find((a) => a.shortcut === e.key);
        if (!action || row.pendingAction !== undefined) return false;
        onAction(row, action);
        return true;
      }}
    />
  );
}
