import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Box, type SxProps, type Theme } from '@mui/material';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRowFocus } from '../useRowFocus';
import { gridScrollSx, HEADER_HEIGHT, virtualRowSx } from './grid';

/** What a row element says about its row: its accessible name and state, and how it looks. */
export interface GridRowProps {
  'aria-label': string;
  'aria-busy'?: boolean | undefined;
  'aria-selected'?: boolean | undefined;
  'aria-expanded'?: boolean | undefined;
  /** Merged over the virtual row's own placement and look. */
  sx?: Exclude<SxProps<Theme>, readonly unknown[]>;
  onDoubleClick?: () => void;
}

export interface VirtualGridProps<T> {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The estimate for rows not measured yet (and the step of Page Up/Down). */
  rowHeight: number;
  minWidth: number;
  colCount: number;
  /** The header row (a GridHeader). */
  header: ReactNode;
  rowProps: (row: T) => GridRowProps;
  renderRow: (row: T) => ReactNode;
  /** A key on the focused row that is not navigation (Enter, Delete, shortcuts); true when it was handled. */
  onRowKey?: (row: T, e: KeyboardEvent<HTMLDivElement>) => boolean;
  multiselectable?: boolean;
  /** Moves the focus to this row (e.g. one just created) and then calls onFocusedKey. */
  focusKey?: string | undefined;
  onFocusedKey?: () => void;
}

/**
 * The one virtualized grid behind every list (containers, images, volumes, networks, files): only the rows in
 * view are in the DOM; arrow keys, Home/End and Page keys move between rows (a roving tab stop), and every
 * other key on a row goes to `onRowKey`.
 */
export function VirtualGrid<T>(props: VirtualGridProps<T>) {
  const { rows, rowHeight, focusKey, onFocusedKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : props.rowKey(row);
    },
    // Rows with an inline error are taller; zero (no layout, e.g. tests) falls back to the estimate.
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || rowHeight,
  });
  const { index, moveTo, setFocused, targetFor } = useRowFocus(rows.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  const { rowKey } = props;
  useEffect(() => {
    if (!focusKey) return;
    const at = rows.findIndex((r) => rowKey(r) === focusKey);
    if (at < 0) return;
    moveTo(at);
    onFocusedKey?.();
  }, [focusKey, rows, rowKey, moveTo, onFocusedKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const target = targetFor(e.key, rowHeight);
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
      return;
    }
    const row = rows[index];
    if (row !== undefined && props.onRowKey?.(row, e)) e.preventDefault();
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={props.colCount}
      aria-multiselectable={props.multiselectable}
      onKeyDown={onKeyDown}
      sx={gridScrollSx}
    >
      {props.header}
      <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: props.minWidth }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          const { sx, ...rowProps } = props.rowProps(row);
          return (
            <Box
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              tabIndex={item.index === index ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocused(item.index)}
              {...rowProps}
              sx={[virtualRowSx(item.start), sx ?? false]}
            >
              {props.renderRow(row)}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
