import { useCallback, useMemo, useState } from 'react';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import { selectContainerRows, type ContainerRow } from '../../stores/selectors';
import type { ActionOptions, ContainerActionDef } from './actions';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { ContainerList } from './ContainerList';
import { ContainerToolbar } from './ContainerToolbar';
import { NoContainers, NoMatches } from './EmptyState';
import { filterRows, sortRows, type ContainerFilter, type Sort, type SortKey } from './filter';

type Confirming = { row: ContainerRow; action: ContainerActionDef & { confirm: NonNullable<ContainerActionDef['confirm']> } };

const noFilter: ContainerFilter = { query: '', state: 'all' };

/** The live list of every container, with filters, sorting and row actions. */
export function ContainersPage() {
  const rows = useBerth(selectContainerRows);
  const loaded = useBerth((s) => s.containersLoaded);
  // While the engine is unreachable the banner above says so; a second error here would only repeat it.
  const engineUnreachable = useBerth((s) => s.engineStatus?.state === 'unreachable');
  const listError = useBerth((s) => (engineUnreachable ? null : s.containersError));
  const runAction = useBerth((s) => s.runContainerAction);
  const dismissError = useBerth((s) => s.dismissActionError);
  const [filter, setFilter] = useState<ContainerFilter>(noFilter);
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'asc' });
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const now = useNow(30_000);

  const visible = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);

  const run = useCallback(
    (row: ContainerRow, action: ContainerActionDef, options: ActionOptions = { force: false, volumes: false }) => {
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

  const onSort = useCallback(
    (key: SortKey) =>
      setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : key === 'created' && s.key !== key ? 'desc' : 'asc' })),
    [],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Containers
      </Typography>
      <ContainerToolbar filter={filter} onChange={setFilter} shown={visible.length} total={rows.length} />
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list containers: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded && engineUnreachable ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Containers appear here once the engine can be reached.
        </Typography>
      ) : !loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          <CircularProgress size={18} /> Loading containers…
        </Box>
      ) : loaded && rows.length === 0 ? (
        <NoContainers />
      ) : loaded && visible.length === 0 ? (
        <NoMatches onClear={() => setFilter(noFilter)} />
      ) : (
        loaded && (
          <ContainerList rows={visible} sort={sort} now={now} onSort={onSort} onAction={onAction} onDismissError={dismissError} />
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
    </Box>
  );
}
