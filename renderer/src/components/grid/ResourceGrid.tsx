import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { GridHeader } from './GridHeader';
import type { Sort } from './sort';
import { VirtualGrid } from './VirtualGrid';

export interface GridColumn<T, K extends string> {
  id: string;
  label: string;
  /** CSS grid track, e.g. 'minmax(160px, 2fr)'. */
  width: string;
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
  minWidth: number;
  rowHeight?: number;
}


/**
 * A sortable grid of resources by columns (volumes, networks, files) on the one VirtualGrid: Enter or a double
 * click opens a row, Delete removes it.
 */
export function ResourceGrid<T, K extends string>(props: Props<T, K>) {
  const { columns, rowHeight = 48 } = props;
  const template = columns.map((c) => c.width).join(' ');
  return (
    <VirtualGrid
      label={props.label}
      rows={props.rows}
      rowKey={props.rowKey}
      rowHeight={rowHeight}
      minWidth={props.minWidth}
      colCount={columns.length}
      header={<GridHeader columns={columns} template={template} minWidth={props.minWidth} sort={props.sort} onSort={props.onSort} />}
      rowProps={(row) => ({
        'aria-label': props.rowLabel(row),
        onDoubleClick: () => props.onOpen(row),
        sx: { display: 'grid', gridTemplateColumns: template, minHeight: rowHeight },
      })}
      renderRow={(row) =>
        columns.map((c) => (
          <Box key={c.id} role="gridcell" sx={cellSx}>
            {c.render(row)}
          </Box>
        ))
      }
      onRowKey={(row, e) => {
        if (e.key === 'Enter') props.onOpen(row);
        else if (e.key === 'Delete' && props.onDelete) props.onDelete(row);
        else return false;
        return true;
      }}
    />
  );
}

const cellSx = { display: 'flex', alignItems: 'center', minWidth: 0, px: 1, gap: 0.5, overflow: 'hidden' } as const;
