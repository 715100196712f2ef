import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Box } from '@mui/material';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRowFocus } from '../useRowFocus';
import { GridHeader } from './GridHeader';
import { gridScrollSx, HEADER_HEIGHT, virtualRowSx } from './grid';
import type { Sort } from './sort';

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
 * A virtualized, sortable, keyboard-navigable grid for resource lists (volumes, networks): only the rows in
 * view are in the DOM. Arrow keys, Home/End and Page keys move between rows; Enter opens, Delete removes.
 */
export function ResourceGrid<T, K extends string>(props: Props<T, K>) {
  const { rows, columns, sort, rowHeight = 48 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => c.width).join(' ');

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => {
      const row = rows[index];
      return row ? props.rowKey(row) : index;
    },
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || rowHeight,
  });
  const { index, moveTo, setFocused, targetFor } = useRowFocus(rows.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const target = targetFor(e.key, rowHeight);
    const row = rows[index];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (row && e.key === 'Enter') {
      e.preventDefault();
      props.onOpen(row);
    } else if (row && e.key === 'Delete' && props.onDelete) {
      e.preventDefault();
      props.onDelete(row);
    }
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      onKeyDown={onKeyDown}
      sx={gridScrollSx}
    >
      <GridHeader columns={columns} template={template} minWidth={props.minWidth} sort={sort} onSort={props.onSort} />
      <Box
        role="rowgroup"
        sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: props.minWidth }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <Box
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              aria-label={props.rowLabel(row)}
              tabIndex={item.index === index ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocused(item.index)}
              onDoubleClick={() => props.onOpen(row)}
              sx={{ ...virtualRowSx(item.start), display: 'grid', gridTemplateColumns: template, minHeight: rowHeight }}
            >
              {columns.map((c) => (
                <Box
                  key={c.id}
                  role="gridcell"
                  sx={{
                    display: 'flex',
                    alignItems: 'center',
                    minWidth: 0,
                    px: 1,
                    gap: 0.5,
                    overflow: 'hidden',
                  }}
                >
                  {c.render(row)}
                </Box>
              ))}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
