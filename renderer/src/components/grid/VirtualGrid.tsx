import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Box, type SxProps, type Theme } from '@mui/material';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRowFocus } from '../useRowFocus';
import { gridScrollSx, HEADER_HEIGHT, virtualRowSx } from './grid';
import { GridContext, type GridState } from './GridContext';
import { fitColumns, type FitColumn } from './layout';
import { useWidth } from './useWidth';

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
  /** The columns, when the grid lays them out (they then yield to a narrow window by priority; see layout.ts). */
  columns?: readonly FitColumn[];
  /** Without `columns`: the width below which the grid scrolls sideways, and the column count. */
  minWidth?: number;
  colCount?: number;
  /** The header row (a GridHeader). */
  header: ReactNode;
  rowProps: (row: T) => GridRowProps;
  renderRow: (row: T) => ReactNode;
  /** Enter or a double click on a row: open its details. */
  onOpen?: (row: T) => void;
  /** A key on the focused row that is not navigation (Delete, shortcuts); true when it was handled. */
  onRowKey?: (row: T, e: KeyboardEvent<HTMLDivElement>) => boolean;
  multiselectable?: boolean;
  /** Moves the focus to this row (e.g. one just created) and then calls onFocusedKey. */
  focusKey?: string | undefined;
  onFocusedKey?: () => void;
}

/** The keys that open a row's actions menu, as on a desktop: the context-menu key and Shift+F10. */
const isMenuKey = (e: KeyboardEvent) => e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);

/**
 * The one virtualized grid behind every list (containers, images, volumes, networks, files), with one keyboard
 * model: only the rows in view are in the DOM; arrow keys, Home/End and Page keys move between rows (a roving
 * tab stop: Tab goes on to the focused row's controls, then out of the grid); Enter opens a row; the
 * context-menu key or Shift+F10 opens its actions menu (RowActions); every other key goes to `onRowKey`.
 * Given `columns`, it measures itself and lets columns yield by priority, so it fits without sideways scroll.
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
  const width = useWidth(scrollRef, props.columns !== undefined);
  const layout = useMemo(
    () => (props.columns ? fitColumns(props.columns, width) : undefined),
    [props.columns, width],
  );
  const minWidth = layout?.minWidth ?? props.minWidth ?? 0;
  const [menuKey, setMenuKey] = useState<string | undefined>();
  const activeRow = rows[index];
  const activeKey = activeRow === undefined ? undefined : props.rowKey(activeRow);
  const gridState = useMemo<GridState>(
    () => ({ layout, activeKey, menuKey, setMenuKey }),
    [layout, activeKey, menuKey],
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
    if (row === undefined) return;
    if (isMenuKey(e)) {
      e.preventDefault();
      setMenuKey(props.rowKey(row));
    } else if (e.key === 'Enter' && props.onOpen) {
      e.preventDefault();
      props.onOpen(row);
    } else if (props.onRowKey?.(row, e)) e.preventDefault();
  };

  // A right click (or a keyboard's own context-menu event) opens the row's menu where it has one.
  const onContextMenu = (e: MouseEvent<HTMLDivElement>, row: T) => {
    if (!e.currentTarget.querySelector('[data-row-menu]')) return;
    e.preventDefault();
    setMenuKey(props.rowKey(row));
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={layout?.visible.length ?? props.colCount}
      aria-multiselectable={props.multiselectable}
      onKeyDown={onKeyDown}
      sx={gridScrollSx}
    >
      <GridContext.Provider value={gridState}>
        {props.header}
        <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
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
                // Focus on the row or any control in it makes it the grid's tab stop (e.g. a clicked button).
                onFocus={() => setFocused(item.index)}
                onContextMenu={(e: MouseEvent<HTMLDivElement>) => onContextMenu(e, row)}
                {...(props.onOpen ? { onDoubleClick: () => props.onOpen?.(row) } : {})}
                {...rowProps}
                sx={[virtualRowSx(item.start), sx ?? false]}
              >
                {props.renderRow(row)}
              </Box>
            );
          })}
        </Box>
      </GridContext.Provider>
    </Box>
  );
}
