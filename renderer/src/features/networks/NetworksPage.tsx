import { useMemo, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CleaningServicesIcon from '@mui/icons-material/CleaningServices';
import { plural, type BerthErrorData, type NetworkSummary } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorDetails } from '../../components/ErrorDetails';
import { ResourceGrid } from '../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../components/grid/sort';
import { useBerth } from '../../stores/context';
import { networkColumns } from './columns';
import { ConnectDialog } from './ConnectDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkDrawer } from './NetworkDrawer';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { filterNetworks, sortNetworks, type NetworkSortKey } from './view';
import { SearchField } from '../../components/SearchField';

type Dialog =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'remove'; network: NetworkSummary }
  | { kind: 'connect'; id: string };

/** Every network, live: driver, subnet and attached containers; create, connect, disconnect, remove, prune. */
export function NetworksPage() {
  const record = useBerth((s) => s.networks.items);
  const loaded = useBerth((s) => s.networks.loaded);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  const listError = useBerth((s) => (s.engineStatus?.state === 'unreachable' ? null : s.networks.error));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<NetworkSortKey>>({ key: 'name', direction: 'asc' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortNetworks(filterNetworks(all, query), sort), [all, query, sort]);
  const columns = useMemo(
    () =>
      networkColumns({
        open: (n) => setOpenId(n.id),
        connect: (n) => setDialog({ kind: 'connect', id: n.id }),
        remove: (n) => setDialog({ kind: 'remove', network: n }),
      }),
    [],
  );
  const open = openId ? record[openId] : undefined;
  const connecting = dialog?.kind === 'connect' ? record[dialog.id] : undefined;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Networks
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <SearchField label="Filter networks" placeholder="Filter by name, driver, subnet or container" value={query} onChange={setQuery} width={340} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })}>
          Create network
        </Button>
        <Button startIcon={<CleaningServicesIcon />} onClick={() => setDialog({ kind: 'prune' })}>
          Remove unused…
        </Button>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length
            ? plural(all.length, 'network')
            : `${rows.length} of ${plural(all.length, 'network')}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list networks: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          {connected ? (
            <>
              <CircularProgress size={18} /> Loading networks…
            </>
          ) : (
            'Networks appear here once the engine can be reached.'
          )}
        </Box>
      ) : (
        loaded && (
          <>
            {all.every((n) => n.predefined) && (
              <Typography sx={{ px: 2, pb: 1 }} color="text.secondary">
                Only the engine's own networks exist. Create one so containers can reach each other by name.
              </Typography>
            )}
            <ResourceGrid
              label="Networks"
              rows={rows}
              columns={columns}
              rowKey={(n) => n.id}
              rowLabel={(n) => n.name}
              sort={sort}
              onSort={(key) => setSort((s) => nextSort(s, key, ['containers', 'created']))}
              onOpen={(n) => setOpenId(n.id)}
              onDelete={(n) => !n.predefined && setDialog({ kind: 'remove', network: n })}
            />
          </>
        )
      )}
      {open && (
        <NetworkDrawer
          network={open}
          onClose={() => setOpenId(null)}
          onConnect={() => setDialog({ kind: 'connect', id: open.id })}
        />
      )}
      {dialog?.kind === 'create' && <CreateNetworkDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'prune' && <PruneNetworksDialog onClose={() => setDialog(null)} />}
      {connecting && <ConnectDialog network={connecting} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && (
        <RemoveNetworkDialog network={dialog.network} onClose={() => setDialog(null)} />
      )}
    </Box>
  );
}

function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const remove = async () => {
    setBusy(true);
    const r = await client.call('networks.remove', { id: network.id });
    setBusy(false);
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <DangerDialog
      id="remove-network-title"
      title={`Remove network ${network.name}?`}
      lost={`Containers can no longer join it, and stopped containers configured on it lose that setting.${network.containers.length > 0 ? ` Connected now: ${network.containers.map((c) => c.containerName).join(', ')}; disconnect them first.` : ''}`}
      confirmLabel="Remove network"
      busy={busy}
      error={error}
      onConfirm={() => void remove()}
      onCancel={onClose}
    />
  );
}
