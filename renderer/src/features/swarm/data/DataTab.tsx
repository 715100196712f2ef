import { useMemo, useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { plural, type BerthErrorData, type SwarmDataSummary } from '../../../api/contract';
import { IfMay } from '../../../components/access';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { ResourceGrid } from '../../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../../components/grid/sort';
import { useBerth } from '../../../stores/context';
import { ManagerOnly } from '../NotManager';
import { useDrawerRoute } from '../useDrawerRoute';
import { dataColumns } from './columns';
import { CreateDataDialog } from './CreateDataDialog';
import { DataDrawer } from './DataDrawer';
import type { DataKind } from './kinds';
import { filterData, sortData, type DataSortKey } from './view';
import { SearchField } from '../../../components/SearchField';

/** The Secrets or Configs tab: the live list, create, details, remove (refused while services use it). */
export function DataTab({ kind }: { kind: DataKind }) {
  return (
    <ManagerOnly what={kind.title}>
      <DataGrid kind={kind} />
    </ManagerOnly>
  );
}

function DataGrid({ kind }: { kind: DataKind }) {
  const record = useBerth((s) => s[kind.list].items);
  const loaded = useBerth((s) => s[kind.list].loaded);
  const listError = useBerth((s) => s[kind.list].error);
  const pending = useBerth((s) => s[kind.list].pending);
  const failures = useBerth((s) => s[kind.list].errors);
  const dismissError = useBerth((s) => s[kind.list].dismissError);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<DataSortKey>>({ key: 'name', direction: 'asc' });
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<SwarmDataSummary | null>(null);
  const [openId, setOpenId] = useDrawerRoute(kind.tab);
  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortData(filterData(all, query), sort), [all, query, sort]);
  const columns = useMemo(
    () => dataColumns({ open: (s) => setOpenId(s.id), remove: setRemoving, removeMethod: kind.methods.remove }, pending),
    [pending, setOpenId, kind.methods.remove],
  );
  const open = openId ? record[openId] : undefined;
  const noun = kind.noun;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <SearchField label={`Filter ${kind.title.toLowerCase()}`} placeholder="Filter by name, label or service" value={query} onChange={setQuery} width={320} />
        <IfMay method={kind.methods.create}>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            Create {noun}
          </Button>
        </IfMay>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length ? plural(all.length, noun) : `${rows.length} of ${plural(all.length, noun)}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the {noun}s: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {Object.entries(failures).map(([id, f]) => (
        <Alert key={id} severity="error" sx={{ mx: 2, mb: 1 }} onClose={() => dismissError(id)}>
          Could not {f.action} {record[id]?.name ?? id}: {f.error.message}
          <ErrorDetails details={f.error.details} />
        </Alert>
      ))}
      {!loaded ? (
        !listError && (
          <Typography sx={{ p: 2 }} role="status">
            Loading {noun}s…
          </Typography>
        )
      ) : all.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {kind.empty}
        </Typography>
      ) : (
        <ResourceGrid
          label={kind.title}
          rows={rows}
          columns={columns}
          rowKey={(s) => s.id}
          rowLabel={(s) => s.name}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key, ['created', 'updated']))}
          onOpen={(s) => setOpenId(s.id)}
          onDelete={setRemoving}
        />
      )}
      {open && <DataDrawer kind={kind} item={open} onClose={() => setOpenId(null)} />}
      {creating && <CreateDataDialog kind={kind} onClose={() => setCreating(false)} />}
      {removing && <RemoveDataDialog kind={kind} item={record[removing.id] ?? removing} onClose={() => setRemoving(null)} />}
    </Box>
  );
}

/** Names the services that use it (from the live list) and refuses to remove until none does. */
function RemoveDataDialog({ kind, item, onClose }: { kind: DataKind; item: SwarmDataSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const runAction = useBerth((s) => s[kind.list].runAction);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const users = item.usedBy.map((u) => u.name);
  const remove = async () => {
    setBusy(true);
    setError(null);
    const r = await kind.remove(client, item.id);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    void runAction(item.id, 'remove', () => Promise.resolve(r));
    onClose();
  };
  return (
    <DangerDialog
      id={`remove-${kind.kind}-title`}
      title={`Remove ${kind.noun} ${item.name}?`}
      lost={
        users.length
          ? `${plural(users.length, 'service')} use${users.length === 1 ? 's' : ''} it: ${users.join(', ')}. Remove it from ${users.length === 1 ? 'that service' : 'those services'} (or remove ${users.length === 1 ? 'the service' : 'them'}) first; the swarm refuses to remove a ${kind.noun} in use.`
          : `No service uses it. Its content is gone for good${kind.kind === 'secret' ? ' (it cannot be read back, so keep a copy if you need it)' : ''}.`
      }
      confirmLabel={`Remove ${kind.noun}`}
      canConfirm={users.length === 0}
      busy={busy}
      error={error}
      onConfirm={() => void remove()}
      onCancel={onClose}
    />
  );
}
