import { useMemo, useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { plural, type BerthErrorData, type SwarmServiceSummary } from '../../../api/contract';
import { IfMay } from '../../../components/access';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { ResourceGrid } from '../../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../../components/grid/sort';
import { useBerth } from '../../../stores/context';
import { ManagerOnly } from '../NotManager';
import { useDrawerRoute } from '../useDrawerRoute';
import { serviceColumns } from './columns';
import { ServiceDialog, type ServiceDialogMode } from './ServiceDialog';
import { ServiceDrawer } from './ServiceDrawer';
import { filterServices, sortServices, type ServiceSortKey } from './view';
import { SearchField } from '../../../components/SearchField';

/** The swarm's services, live: create, edit, scale, restart, roll back, remove; details with tasks and logs. */
export function ServicesTab() {
  return (
    <ManagerOnly what="Services">
      <ServicesGrid />
    </ManagerOnly>
  );
}

function ServicesGrid() {
  const record = useBerth((s) => s.swarmServices.items);
  const loaded = useBerth((s) => s.swarmServices.loaded);
  const listError = useBerth((s) => s.swarmServices.error);
  const pending = useBerth((s) => s.swarmServices.pending);
  const failures = useBerth((s) => s.swarmServices.errors);
  const runAction = useBerth((s) => s.swarmServices.runAction);
  const dismissError = useBerth((s) => s.swarmServices.dismissError);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<ServiceSortKey>>({ key: 'name', direction: 'asc' });
  const [form, setForm] = useState<ServiceDialogMode | null>(null);
  const [removing, setRemoving] = useState<SwarmServiceSummary | null>(null);
  const [openId, setOpenId] = useDrawerRoute('services');
  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortServices(filterServices(all, query), sort), [all, query, sort]);
  const columns = useMemo(
    () =>
      serviceColumns(
        {
          open: (s) => setOpenId(s.id),
          edit: (s) => setForm({ kind: 'edit', id: s.id, name: s.name }),
          restart: (s) => void runAction(s.id, 'restart', (c) => c.call('services.restart', { id: s.id })),
          rollback: (s) => void runAction(s.id, 'rollback', (c) => c.call('services.rollback', { id: s.id })),
          remove: (s) => setRemoving(s),
        },
        pending,
      ),
    [pending, runAction, setOpenId],
  );
  const open = openId ? record[openId] : undefined;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <SearchField label="Filter services" placeholder="Filter by name, image, stack or port" value={query} onChange={setQuery} width={320} />
        <IfMay method="services.create">
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setForm({ kind: 'create' })}>
            Create service
          </Button>
        </IfMay>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length
            ? plural(all.length, 'service')
            : `${rows.length} of ${plural(all.length, 'service')}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the services: {listError.message}
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
            Loading services…
          </Typography>
        )
      ) : all.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          No services yet. Create one to run tasks across the swarm's nodes.
        </Typography>
      ) : (
        <ResourceGrid
          label="Services"
          rows={rows}
          columns={columns}
          rowKey={(s) => s.id}
          rowLabel={(s) => s.name}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key))}
          onOpen={(s) => setOpenId(s.id)}
          onDelete={(s) => setRemoving(s)}
        />
      )}
      {open && <ServiceDrawer service={open} onClose={() => setOpenId(null)} />}
      {form && <ServiceDialog mode={form} onClose={() => setForm(null)} />}
      {removing && <RemoveServiceDialog service={removing} onClose={() => setRemoving(null)} />}
    </Box>
  );
}

function RemoveServiceDialog({ service, onClose }: { service: SwarmServiceSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const runAction = useBerth((s) => s.swarmServices.runAction);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('services.remove', { id: service.id });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    // The list drops the row now; its removal event follows.
    void runAction(service.id, 'remove', () => Promise.resolve(r));
    onClose();
  };
  return (
    <DangerDialog
      id="remove-service-title"
      title={`Remove service ${service.name}?`}
      lost={`Its ${plural(service.running, 'running task')} stop and their containers are removed on every node. Volumes and networks stay.${service.stack ? ` It belongs to stack ${service.stack}; deploying the stack again brings it back.` : ''}`}
      confirmLabel="Remove service"
      busy={busy}
      error={error}
      onConfirm={() => void remove()}
      onCancel={onClose}
    />
  );
}
