import { useMemo, useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { plural, type BerthErrorData, type StackSummary } from '../../../api/contract';
import { IfMay } from '../../../components/access';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { ResourceGrid } from '../../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../../components/grid/sort';
import { useBerth } from '../../../stores/context';
import { ManagerOnly } from '../NotManager';
import { filterStacks, sortStacks, stackColumns, type StackSortKey } from './columns';
import { DeployStackDialog, type DeployStackProps } from './DeployStackDialog';
import { StackDrawer } from './StackDrawer';
import { SearchField } from '../../../components/SearchField';

/** Swarm stacks (compose files deployed like `docker stack deploy`), live: deploy, update, remove. */
export function StacksTab() {
  return (
    <ManagerOnly what="Stacks">
      <StacksGrid />
    </ManagerOnly>
  );
}

function StacksGrid() {
  const client = useBerth((s) => s.client);
  const record = useBerth((s) => s.swarmStacks.items);
  const loaded = useBerth((s) => s.swarmStacks.loaded);
  const listError = useBerth((s) => s.swarmStacks.error);
  const pending = useBerth((s) => s.swarmStacks.pending);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<StackSortKey>>({ key: 'name', direction: 'asc' });
  const [deploy, setDeploy] = useState<DeployStackProps['stack'] | 'new' | null>(null);
  const [removing, setRemoving] = useState<StackSummary | null>(null);
  const [openName, setOpenName] = useState<string | null>(null);
  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortStacks(filterStacks(all, query), sort), [all, query, sort]);
  /** Update opens the editor with the file Berth last deployed the stack with. */
  const update = async (s: StackSummary) => {
    const r = await client.call('stacks.inspect', { name: s.name });
    setDeploy({ name: s.name, compose: r.ok ? r.value.compose : undefined });
  };
  const columns = useMemo(
    () => stackColumns({ open: (s) => setOpenName(s.name), update: (s) => void update(s), remove: (s) => setRemoving(s) }, pending),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update only reads the client, which never changes
    [pending],
  );
  const open = openName ? record[openName] : undefined;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <SearchField label="Filter stacks" placeholder="Filter by name" value={query} onChange={setQuery} width={260} />
        <IfMay method="stacks.deploy">
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDeploy('new')}>
            Deploy stack
          </Button>
        </IfMay>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length ? plural(all.length, 'stack') : `${rows.length} of ${plural(all.length, 'stack')}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the stacks: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded ? (
        !listError && <Typography sx={{ p: 2 }} role="status">Loading stacks…</Typography>
      ) : all.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          No stacks yet. Deploy a compose file as a stack; docker stack ls sees it too.
        </Typography>
      ) : (
        <ResourceGrid
          label="Stacks"
          rows={rows}
          columns={columns}
          rowKey={(s) => s.name}
          rowLabel={(s) => s.name}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key))}
          onOpen={(s) => setOpenName(s.name)}
          onDelete={(s) => setRemoving(s)}
        />
      )}
      {open && (
        <StackDrawer
          stack={open}
          onClose={() => setOpenName(null)}
          onUpdate={(d) => setDeploy({ name: open.name, compose: d?.compose })}
          onRemove={() => setRemoving(open)}
        />
      )}
      {deploy && <DeployStackDialog {...(deploy === 'new' ? {} : { stack: deploy })} onClose={() => setDeploy(null)} />}
      {removing && <RemoveStackDialog stack={removing} onClose={() => setRemoving(null)} onRemoved={() => setOpenName(null)} />}
    </Box>
  );
}

function RemoveStackDialog({ stack, onClose, onRemoved }: { stack: StackSummary; onClose: () => void; onRemoved: () => void }) {
  const client = useBerth((s) => s.client);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('stacks.remove', { name: stack.name });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onRemoved();
    onClose();
  };
  return (
    <DangerDialog
      id="remove-stack-title"
      title={`Remove stack ${stack.name}?`}
      lost={`Its ${plural(stack.services, 'service')} (${plural(stack.running, 'running task')}) stop, and its ${plural(stack.networks, 'network')}, ${plural(stack.secrets, 'secret')} and ${plural(stack.configs, 'config')} are removed. Named volumes stay on the nodes.`}
      confirmLabel="Remove stack"
      busy={busy}
      error={error}
      onConfirm={() => void remove()}
      onCancel={onClose}
    />
  );
}
