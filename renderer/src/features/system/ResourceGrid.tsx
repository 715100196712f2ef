import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Box, ButtonBase } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRowFocus } from '../../components/useRowFocus';
import type { Sort } from './format';

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

const HEADER_HEIGHT = 40;

const ariaSort = <K extends string>(sort: Sort<K>, key: K | undefined) =>
  key === undefined
    ? undefined
    : sort.key === key
      ? sort.direction === 'asc'
        ? 'ascending'
        : 'descending'
      : 'none';

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
  const { index, moveTo, setFocused } = useRowFocus(rows.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
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
      sx={{
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        position: 'relative',
        bgcolor: 'background.paper',
        borderTop: 1,
        borderColor: 'divider',
      }}
    >
      <Box
        role="rowgroup"
        sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', minWidth: props.minWidth }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: template,
            height: HEADER_HEIGHT,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          {columns.map((c) => (
            <Box
              key={c.id}
              role="columnheader"
              aria-sort={ariaSort(sort, c.sortKey)}
              sx={{ display: 'flex', alignItems: 'center', px: 1 }}
            >
              {c.sortKey ? (
                <ButtonBase
                  onClick={() => c.sortKey && props.onSort(c.sortKey)}
                  sx={{ typography: 'subtitle2', gap: 0.5, borderRadius: 1, px: 0.5, ml: -0.5 }}
                >
                  {c.label}
                  {sort.key === c.sortKey &&
                    (sort.direction === 'asc' ? (
                      <ArrowUpwardIcon sx={{ fontSize: 14 }} />
                    ) : (
                      <ArrowDownwardIcon sx={{ fontSize: 14 }} />
                    ))}
                </ButtonBase>
              ) : (
                <Box component="span" sx={{ typography: 'subtitle2' }}>
                  {c.label}
                </Box>
              )}
            </Box>
          ))}
        </Box>
      </Box>
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
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                display: 'grid',
                gridTemplateColumns: template,
                minHeight: rowHeight,
                borderBottom: 1,
                borderColor: 'divider',
                '&:hover': { bgcolor: 'action.hover' },
                '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
              }}
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
