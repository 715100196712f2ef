import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Box, Checkbox } from '@mui/material';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { GridHeader } from '../../components/grid/GridHeader';
import { gridScrollSx, virtualRowSx } from '../../components/grid/grid';
import type { Sort } from '../../components/grid/sort';
import { useRowFocus } from '../../components/useRowFocus';
import type { ContainerRow } from '../../stores/selectors';
import { availableActions, type ContainerActionDef, type ContainerMenuActionDef } from './actions';
import { columns, gridTemplate, HEADER_HEIGHT, ROW_HEIGHT, TABLE_MIN_WIDTH } from './columns';
import { ContainerRowView } from './ContainerRowView';
import type { SortKey } from './filter';
import { GroupHeaderRow } from './GroupHeaderRow';
import { asItems, groupByProject, type GroupItem, type ListItem } from './grouping';
import { emptySelection, selectAll, setMany, toggleSelection, type Selection } from './selection';

interface Props {
  rows: ContainerRow[];
  sort: Sort<SortKey>;
  now: number;
  onSort: (key: SortKey) => void;
  onAction: (row: ContainerRow, action: ContainerActionDef) => void;
  onDismissError: (id: string) => void;
  selection?: Selection;
  onSelectionChange?: (selection: Selection) => void;
  onMenuAction?: (row: ContainerRow, action: ContainerMenuActionDef) => void;
  /** Group rows by compose project, with these projects collapsed. */
  grouped?: boolean;
  collapsed?: ReadonlySet<string>;
  onToggleGroup?: (project: string) => void;
  onGroupAction?: (group: GroupItem, action: ContainerActionDef) => void;
  /** Scroll to and focus this container once it is listed (e.g. the one just run). */
  highlightId?: string | null;
  onHighlighted?: () => void;
}

const noCollapsed: ReadonlySet<string> = new Set();

/**
 * The containers grid: only the rows in view (plus overscan) are in the DOM, so it stays smooth at
 * thousands of containers. Arrow keys, Home/End and Page keys move between rows; Space selects the focused
 * row, Ctrl/Cmd+A selects every listed row, Escape clears; action shortcuts (e.g. Delete) act on the focused row.
 */
export function ContainerList(props: Props) {
  const {
    rows,
    sort,
    now,
    onSort,
    onAction,
    onDismissError,
    selection = emptySelection,
    onSelectionChange,
  } = props;
  const {
    onMenuAction,
    grouped = false,
    collapsed = noCollapsed,
    onToggleGroup,
    onGroupAction,
    highlightId,
    onHighlighted,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const items: ListItem[] = useMemo(
    () => (grouped ? groupByProject(rows, collapsed) : asItems(rows)),
    [rows, grouped, collapsed],
  );
  const order = useMemo(() => rows.map((r) => r.id), [rows]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => {
      const item = items[index];
      return !item ? index : item.kind === 'row' ? item.row.id : `group:${item.project}`;
    },
    // Rows with an inline error are taller; zero (no layout, e.g. tests) falls back to the estimate.
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || ROW_HEIGHT,
  });

  const { index, moveTo, setFocused, targetFor } = useRowFocus(items.length, scrollRef, (i, o) =>
    virtualizer.scrollToIndex(i, o),
  );

  useEffect(() => {
    if (!highlightId) return;
    const at = items.findIndex((i) => i.kind === 'row' && i.row.id === highlightId);
    if (at < 0) return;
    moveTo(at);
    onHighlighted?.();
  }, [highlightId, items, moveTo, onHighlighted]);

  const toggle = useCallback(
    (id: string, range: boolean) => onSelectionChange?.(toggleSelection(selection, id, order, range)),
    [onSelectionChange, selection, order],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onRow = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row';
    const target = targetFor(e.key, ROW_HEIGHT);
    if (target !== undefined && onRow) {
      e.preventDefault();
      moveTo(target);
      return;
    }
    const item = items[index];
    if (onSelectionChange && onRow) {
      if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        onSelectionChange(selectAll(order));
        return;
      }
      if (e.key === 'Escape' && selection.ids.size > 0) {
        e.preventDefault();
        onSelectionChange(emptySelection);
        return;
      }
      if (e.key === ' ' && item?.kind === 'row') {
        e.preventDefault();
        toggle(item.row.id, e.shiftKey);
        return;
      }
    }
    if (item?.kind === 'group' && onRow && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onToggleGroup?.(item.project);
      return;
    }
    const row = item?.kind === 'row' ? item.row : undefined;
    const action = row && availableActions(row.state).find((a) => a.shortcut === e.key);
    if (row && action && row.pendingAction === undefined) {
      e.preventDefault();
      onAction(row, action);
    }
  };

  const allSelected = order.length > 0 && order.every((id) => selection.ids.has(id));
  const someSelected = !allSelected && order.some((id) => selection.ids.has(id));

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label="Containers"
      aria-rowcount={items.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable={onSelectionChange ? true : undefined}
      onKeyDown={onKeyDown}
      sx={gridScrollSx}
    >
      <GridHeader
        columns={columns}
        template={gridTemplate}
        minWidth={TABLE_MIN_WIDTH}
        sort={sort}
        onSort={onSort}
        renderCell={(c) =>
          c.id === 'select' ? (
            <Checkbox
              size="small"
              checked={allSelected}
              indeterminate={someSelected}
              disabled={!onSelectionChange || order.length === 0}
              onChange={(e) => onSelectionChange?.(e.target.checked ? selectAll(order) : emptySelection)}
              slotProps={{ input: { 'aria-label': 'Select all listed containers' } }}
            />
          ) : undefined
        }
      />
      <Box
        role="rowgroup"
        sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: TABLE_MIN_WIDTH }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          const isRow = item.kind === 'row';
          const selected = isRow && selection.ids.has(item.row.id);
          return (
            <Box
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              role="row"
              aria-rowindex={v.index + 2}
              aria-label={isRow ? item.row.name : `Project ${item.label}`}
              aria-busy={isRow ? item.row.pendingAction !== undefined : undefined}
              aria-selected={isRow && onSelectionChange ? selected : undefined}
              aria-expanded={isRow ? undefined : !item.collapsed}
              tabIndex={v.index === index ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocused(v.index)}
              sx={{
                ...virtualRowSx(v.start),
                height: isRow ? undefined : ROW_HEIGHT,
                bgcolor: selected ? 'action.selected' : undefined,
                '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
              }}
            >
              {isRow ? (
                <ContainerRowView
                  row={item.row}
                  now={now}
                  onAction={onAction}
                  onDismissError={onDismissError}
                  selected={selected}
                  {...(onSelectionChange ? { onToggleSelect: toggle } : {})}
                  {...(onMenuAction ? { onMenuAction } : {})}
                />
              ) : (
                <GroupHeaderRow
                  group={item}
                  selectedCount={item.ids.filter((id) => selection.ids.has(id)).length}
                  onToggle={(p) => onToggleGroup?.(p)}
                  onSelectGroup={(ids, on) => onSelectionChange?.(setMany(selection, ids, on))}
                  onGroupAction={(g, a) => onGroupAction?.(g, a)}
                />
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
