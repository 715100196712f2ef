import { useRef, type KeyboardEvent } from 'react';
import { Box } from '@mui/material';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { GridHeader } from '../../components/grid/GridHeader';
import { gridScrollSx, HEADER_HEIGHT, virtualRowSx } from '../../components/grid/grid';
import type { Sort } from '../../components/grid/sort';
import { useRowFocus } from '../../components/useRowFocus';
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
  const { index, moveTo, setFocused, targetFor } = useRowFocus(rows.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onRow = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row';
    if (!onRow) return;
    const target = targetFor(e.key, IMAGE_ROW_HEIGHT);
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
      sx={gridScrollSx}
    >
      <GridHeader
        columns={imageColumns.map((c) => ({ id: c.id, label: c.label, sortKey: 'sortKey' in c ? c.sortKey : undefined }))}
        template={imageGrid}
        minWidth={MIN_WIDTH}
        sort={sort}
        onSort={onSort}
      />
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
              sx={virtualRowSx(item.start)}
            >
              <ImageRowView row={row} now={now} onAction={onAction} onDismissError={onDismissError} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
