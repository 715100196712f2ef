import { useCallback, useMemo, useState } from 'react';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { ErrorDetails } from '../../components/ErrorDetails';
import { nextSort, type Sort } from '../../components/grid/sort';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import { selectContainerRows, type ContainerRow } from '../../stores/selectors';
import type { ActionOptions, ContainerActionDef } from './actions';
import { BulkBar } from './BulkBar';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { ContainerList } from './ContainerList';
import { ContainerToolbar } from './ContainerToolbar';
import { NoContainers, NoMatches } from './EmptyState';
import { filterRows, sortRows, type SortKey } from './filter';
import type { GroupItem } from './grouping';
import { PruneDialog } from './PruneDialog';
import { emptySelection, keepListed, type Selection } from './selection';
import { useFilterState } from './useFilterState';
import { useMenuActions } from './useMenuActions';

type Confirming = {
  row: ContainerRow;
  action: ContainerActionDef & { confirm: NonNullable<ContainerActionDef['confirm']> };
};

const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort();

/** The live list of every container, with filters, grouping, selection, bulk and row actions, and dialogs. */
export function ContainersPage() {
  const rows = useBerth(selectContainerRows);
  const summaries = useBerth((s) => s.containers.items);
  const loaded = useBerth((s) => s.containers.loaded);
  // While the engine is unreachable the banner above says so; a second error here would only repeat it.
  const engineUnreachable = useBerth((s) => s.engineStatus?.state === 'unreachable');
  const listError = useBerth((s) => (engineUnreachable ? null : s.containers.error));
  const runAction = useBerth((s) => s.containers.runAction);
  const dismissError = useBerth((s) => s.containers.dismissError);
  const notify = useBerth((s) => s.notify);
  const { filter, grouped, setFilter, setGrouped } = useFilterState();
  const [sort, setSort] = useState<Sort<SortKey>>({ key: 'name', direction: 'asc' });
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const [pruning, setPruning] = useState(false);
  const now = useNow(30_000);
  const { onMenuAction, openRun, dialog } = useMenuActions(setHighlight);

  const labelsOf = useCallback((id: string) => summaries[id]?.labels, [summaries]);
  const visible = useMemo(
    () => sortRows(filterRows(rows, filter, labelsOf), sort),
    [rows, filter, labelsOf, sort],
  );
  const images = useMemo(() => distinct(rows.map((r) => r.image)), [rows]);
  const projects = useMemo(() => distinct(rows.map((r) => r.project)), [rows]);

  // Removed or filtered-out containers leave the selection: bulk actions act only on what is listed.
  const [rawSelection, setSelection] = useState<Selection>(emptySelection);
  const selection = useMemo(
    () => keepListed(rawSelection, new Set(visible.map((r) => r.id))),
    [rawSelection, visible],
  );
  const selectedRows = useMemo(() => visible.filter((r) => selection.ids.has(r.id)), [visible, selection]);

  const run = useCallback(
    (
      row: ContainerRow,
      action: ContainerActionDef,
      options: ActionOptions = { force: false, volumes: false },
    ) => {
      void runAction(row.id, action.id, (client) => action.invoke(client, row.id, options));
    },
    [runAction],
  );

  const onAction = useCallback(
    (row: ContainerRow, action: ContainerActionDef) => {
      if (action.confirm) setConfirming({ row, action: { ...action, confirm: action.confirm } });
      else run(row, action);
    },
    [run],
  );

  const onGroupAction = useCallback(
    (group: GroupItem, action: ContainerActionDef) => {
      for (const row of visible)
        if (group.ids.includes(row.id) && action.availableIn.includes(row.state)) run(row, action);
    },
    [visible, run],
  );

  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key, ['created'])), []);

  const onToggleGroup = useCallback(
    (project: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(project)) next.delete(project);
        else next.add(project);
        return next;
      }),
    [],
  );

  const clearFilter = () => setFilter({ query: '', state: 'all', image: '', label: '', project: '' });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Containers
      </Typography>
      <ContainerToolbar
        filter={filter}
        onChange={setFilter}
        shown={visible.length}
        total={rows.length}
        images={images}
        projects={projects}
        grouped={grouped}
        onGroupedChange={setGrouped}
        onRun={openRun}
        onPrune={() => setPruning(true)}
      />
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list containers: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      <BulkBar
        selected={selectedRows}
        onRun={(targets, action, options) => targets.forEach((r) => run(r, action, options))}
        onClear={() => setSelection(emptySelection)}
      />
      {!loaded && engineUnreachable ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Containers appear here once the engine can be reached.
        </Typography>
      ) : !loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          <CircularProgress size={18} /> Loading containers…
        </Box>
      ) : loaded && rows.length === 0 ? (
        <NoContainers onRun={openRun} />
      ) : loaded && visible.length === 0 ? (
        <NoMatches onClear={clearFilter} />
      ) : (
        loaded && (
          <ContainerList
            rows={visible}
            sort={sort}
            now={now}
            onSort={onSort}
            onAction={onAction}
            onDismissError={dismissError}
            selection={selection}
            onSelectionChange={setSelection}
            onMenuAction={onMenuAction}
            grouped={grouped}
            collapsed={collapsed}
            onToggleGroup={onToggleGroup}
            onGroupAction={onGroupAction}
            highlightId={highlight}
            onHighlighted={() => setHighlight(null)}
          />
        )
      )}
      {confirming && (
        <ConfirmActionDialog
          row={confirming.row}
          action={confirming.action}
          onCancel={() => setConfirming(null)}
          onConfirm={(options) => {
            setConfirming(null);
            run(confirming.row, confirming.action, options);
          }}
        />
      )}
      {pruning && (
        <PruneDialog
          onClose={() => setPruning(false)}
          onDone={(message) => {
            setPruning(false);
            notify('success', message);
          }}
        />
      )}
      {dialog}
    </Box>
  );
}
