import { useCallback, useMemo, type KeyboardEvent } from 'react';
import { Checkbox } from '@mui/material';
import { GridHeader } from '../../components/grid/GridHeader';
import type { Sort } from '../../components/grid/sort';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import type { ContainerRow } from '../../stores/selectors';
import { availableActions, type ContainerActionDef, type ContainerMenuActionDef } from './actions';
import { containerHref } from '../../app/useHashRoute';
import { columns, ROW_HEIGHT } from './columns';
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
 * thousands of containers. The shared grid's keys (arrows, Enter opens the details, the context-menu key the
 * actions); Space selects the focused row, Ctrl/Cmd+A selects every listed row, Escape clears; action
 * shortcuts (e.g. Delete) act on the focused row.
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
  const items: ListItem[] = useMemo(
    () => (grouped ? groupByProject(rows, collapsed) : asItems(rows)),
    [rows, grouped, collapsed],
  );
  const order = useMemo(() => rows.map((r) => r.id), [rows]);

  const toggle = useCallback(
    (id: string, range: boolean) => onSelectionChange?.(toggleSelection(selection, id, order, range)),
    [onSelectionChange, selection, order],
  );

  /** Keys on the focused row other than navigation: selection, group toggling and action shortcuts. */
  const onRowKey = (item: ListItem, e: KeyboardEvent<HTMLDivElement>): boolean => {
    if (onSelectionChange) {
      if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
        onSelectionChange(selectAll(order));
        return true;
      }
      if (e.key === 'Escape' && selection.ids.size > 0) {
        onSelectionChange(emptySelection);
        return true;
      }
      if (e.key === ' ' && item.kind === 'row') {
        toggle(item.row.id, e.shiftKey);
        return true;
      }
    }
    if (item.kind === 'group') {
      if (e.key !== ' ') return false;
      onToggleGroup?.(item.project);
      return true;
    }
    const action = availableActions(item.row.state).find((a) => a.shortcut === e.key);
    if (!action || item.row.pendingAction !== undefined) return false;
    onAction(item.row, action);
    return true;
  };

  const allSelected = order.length > 0 && order.every((id) => selection.ids.has(id));
  const someSelected = !allSelected && order.some((id) => selection.ids.has(id));

  return (
    <VirtualGrid
      label="Containers"
      rows={items}
      rowKey={itemKey}
      rowHeight={ROW_HEIGHT}
      columns={columns}
      multiselectable={onSelectionChange ? true : undefined}
      focusKey={highlightId ?? undefined}
      {...(onHighlighted ? { onFocusedKey: onHighlighted } : {})}
      header={
        <GridHeader
          columns={columns}
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
      }
      rowProps={(item) => {
        if (item.kind === 'group')
          return {
            'aria-label': `Project ${item.label}`,
            'aria-expanded': !item.collapsed,
            sx: { height: ROW_HEIGHT },
          };
        const selected = selection.ids.has(item.row.id);
        return {
          'aria-label': item.row.name,
          'aria-busy': item.row.pendingAction !== undefined,
          'aria-selected': onSelectionChange ? selected : undefined,
          sx: {
            bgcolor: selected ? 'action.selected' : undefined,
            '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
          },
        };
      }}
      renderRow={(item) =>
        item.kind === 'row' ? (
          <ContainerRowView
            row={item.row}
            now={now}
            onAction={onAction}
            onDismissError={onDismissError}
            selected={selection.ids.has(item.row.id)}
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
        )
      }
      onOpen={(item) => {
        // Enter on a project's header folds it; on a container it opens the details page.
        if (item.kind === 'group') onToggleGroup?.(item.project);
        else window.location.hash = containerHref(item.row.id);
      }}
      onRowKey={onRowKey}
    />
  );
}

const itemKey = (item: ListItem): string => (item.kind === 'row' ? item.row.id : `group:${item.project}`);
