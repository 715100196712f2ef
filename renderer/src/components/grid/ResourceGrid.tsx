import { useMemo, type ReactNode } from 'react';
import { GridCells } from './GridCells';
import { GridHeader } from './GridHeader';
import type { FitColumn } from './layout';
import type { Sort } from './sort';
import { VirtualGrid } from './VirtualGrid';

export interface GridColumn<T, K extends string> extends FitColumn {
  label: string;
  sortKey?: K;
  render: (row: T) => ReactNode;
}

interface Props<T, K extends string> {
  label: string;
  rows: T[];
  columns: readonly GridColumn<T, K>[];
  rowKey: (row: T) => string;
  rowLabel: (row: T) => string;
  sort: Sort<K>;
  onSort: (key: K) => void;
  /** Enter or double click on a row. */
  onOpen: (row: T) => void;
  /** The Delete key on a row. */
  onDelete?(row: T): void;
  rowHeight?: number;
}

/**
 * A sortable grid of resources by columns (volumes, networks, files) on the one VirtualGrid: Enter or a double
 * click opens a row, Delete removes it; columns yield to a narrow window by their priority.
 */
export function ResourceGrid<T, K extends string>(props: Props<T, K>) {
  const { columns, rowHeight = 48 } = props;
  const header = useMemo(
    () => columns.map((c) => ({ id: c.id, label: c.label, sortKey: c.sortKey })),
    [columns],
  );
  return (
    <VirtualGrid
      label={props.label}
      rows={props.rows}
      rowKey={props.rowKey}
      rowHeight={rowHeight}
      columns={columns}
      header={<GridHeader columns={header} sort={props.sort} onSort={props.onSort} />}
      rowProps={(row) => ({ 'aria-label': props.rowLabel(row) })}
      renderRow={(row) => (
        <GridCells height={rowHeight} cells={Object.fromEntries(columns.map((c) => [c.id, c.render(row)]))} />
      )}
      onOpen={props.onOpen}
      onRowKey={(row, e) => {
        if (e.key !== 'Delete' || !props.onDelete) return false;
        props.onDelete(row);
        return true;
      }}
    />
  );
}
