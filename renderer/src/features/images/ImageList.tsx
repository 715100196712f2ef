import { useRef, type KeyboardEvent } from 'react';
import { Box, ButtonBase } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRowFocus } from '../../components/useRowFocus';
import { availableImageActions, type ImageActionDef } from './actions';
import { IMAGE_ROW_HEIGHT, imageColumns, imageGrid, ImageRowView } from './ImageRowView';
import type { ImageRow, ImageSort, ImageSortKey } from './view';

const HEADER_HEIGHT = 40;
const MIN_WIDTH = 940;

interface Props {
  rows: ImageRow[];
  sort: ImageSort;
  now: number;
  onSort: (key: ImageSortKey) => void;
  onAction: (row: ImageRow, action: ImageActionDef) => void;
  onDismissError: (id: string) => void;
}

const ariaSort = (sort: ImageSort, key: ImageSortKey | undefined) =>
  key === undefined
    ? undefined
    : sort.key === key
      ? sort.direction === 'asc'
        ? 'ascending'
        : 'descending'
      : 'none';

/**
 * The images grid: only the rows in view are in the DOM. Arrow keys, Home/End and Page keys move between rows;
 * action shortcuts (Enter for details, Delete to remove, t to tag, p to push) act on the focused row.
 */
export function ImageList({ rows, sort, now, onSort, onAction, onDismissError }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => IMAGE_ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || IMAGE_ROW_HEIGHT,
  });
  const { index, moveTo, setFocused } = useRowFocus(rows.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onRow = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row';
    if (!onRow) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / IMAGE_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
      return;
    }
    const row = rows[index];
    const action = row && availableImageActions(row).find((a) => a.shortcut === e.key);
    if (row && action && row.pendingAction === undefined) {
      e.preventDefault();
      onAction(row, action);
    }
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label="Images"
      aria-rowcount={rows.length + 1}
      aria-colcount={imageColumns.length}
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
        sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', minWidth: MIN_WIDTH }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: imageGrid,
            height: HEADER_HEIGHT,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          {imageColumns.map((c) => {
            const key = 'sortKey' in c ? c.sortKey : undefined;
            return (
              <Box
                key={c.id}
                role="columnheader"
                aria-sort={ariaSort(sort, key)}
                sx={{ display: 'flex', alignItems: 'center', px: 1 }}
              >
                {key ? (
                  <ButtonBase
                    onClick={() => onSort(key)}
                    sx={{ typography: 'subtitle2', gap: 0.5, borderRadius: 1, px: 0.5, ml: -0.5 }}
                  >
                    {c.label}
                    {sort.key === key &&
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
            );
          })}
        </Box>
      </Box>
      <Box
        role="rowgroup"
        sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: MIN_WIDTH }}
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
              aria-label={row.name === '<none>' ? `<none> ${row.shortId}` : row.name}
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
              <ImageRowView row={row} now={now} onAction={onAction} onDismissError={onDismissError} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
