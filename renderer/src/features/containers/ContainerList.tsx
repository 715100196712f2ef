import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Box, ButtonBase } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import type { ContainerRow } from '../../stores/selectors';
import { availableActions, type ContainerActionDef } from './actions';
import { columns, gridTemplate, HEADER_HEIGHT, ROW_HEIGHT, TABLE_MIN_WIDTH } from './columns';
import { ContainerRowView } from './ContainerRowView';
import type { Sort, SortKey } from './filter';

interface Props {
  rows: ContainerRow[];
  sort: Sort;
  now: number;
  onSort: (key: SortKey) => void;
  onAction: (row: ContainerRow, action: ContainerActionDef) => void;
  onDismissError: (id: string) => void;
}

const ariaSort = (sort: Sort, key: SortKey | undefined) =>
  key === undefined ? undefined : sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';

/**
 * The containers grid: only the rows in view (plus overscan) are in the DOM, so it stays smooth at
 * thousands of containers. Arrow keys, Home/End and Page keys move between rows; action shortcuts
 * (e.g. Delete) act on the focused row.
 */
export function ContainerList({ rows, sort, now, onSort, onAction, onDismissError }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const focusAfterRender = useRef(false);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    // Rows with an inline error are taller; zero (no layout, e.g. tests) falls back to the estimate.
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || ROW_HEIGHT,
  });

  const index = Math.min(focused, Math.max(rows.length - 1, 0));

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  });

  const moveTo = useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(rows.length - 1, next));
      setFocused(clamped);
      focusAfterRender.current = true;
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [rows.length, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: rows.length - 1 };
    const target = moves[e.key];
    if (target !== undefined && e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row') {
      e.preventDefault();
      moveTo(target);
      return;
    }
    const row = rows[index];
    const action = row && availableActions(row.state).find((a) => a.shortcut === e.key);
    if (row && action && row.pendingAction === undefined) {
      e.preventDefault();
      onAction(row, action);
    }
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label="Containers"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      onKeyDown={onKeyDown}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', position: 'relative', bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider' }}
    >
      <Box role="rowgroup" sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', minWidth: TABLE_MIN_WIDTH }}>
        <Box
          role="row"
          aria-rowindex={1}
          sx={{ display: 'grid', gridTemplateColumns: gridTemplate, height: HEADER_HEIGHT, borderBottom: 1, borderColor: 'divider' }}
        >
          {columns.map((c) => (
            <Box key={c.id} role="columnheader" aria-sort={ariaSort(sort, c.sortKey)} sx={{ display: 'flex', alignItems: 'center', px: 1 }}>
              {c.sortKey ? (
                <ButtonBase
                  onClick={() => c.sortKey && onSort(c.sortKey)}
                  sx={{ typography: 'subtitle2', gap: 0.5, borderRadius: 1, px: 0.5, ml: -0.5 }}
                >
                  {c.label}
                  {sort.key === c.sortKey &&
                    (sort.direction === 'asc' ? <ArrowUpwardIcon sx={{ fontSize: 14 }} /> : <ArrowDownwardIcon sx={{ fontSize: 14 }} />)}
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
      <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: TABLE_MIN_WIDTH }}>
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
              aria-label={row.name}
              aria-busy={row.pendingAction !== undefined}
              tabIndex={item.index === index ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocused(item.index)}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                borderBottom: 1,
                borderColor: 'divider',
                '&:hover': { bgcolor: 'action.hover' },
                '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
              }}
            >
              <ContainerRowView row={row} now={now} onAction={onAction} onDismissError={onDismissError} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
