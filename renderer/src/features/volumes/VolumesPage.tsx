import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CleaningServicesIcon from '@mui/icons-material/CleaningServices';
import RestoreIcon from '@mui/icons-material/Restore';
import { plural, type VolumeSummary } from '../../api/contract';
import { CopyableCommand } from '../../components/CopyableCommand';
import { ErrorDetails } from '../../components/ErrorDetails';
import { ResourceGrid } from '../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../components/grid/sort';
import { useBerth } from '../../stores/context';
import { volumeColumns } from './columns';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { RestoreDialog } from './RestoreDialog';
import { VolumeDrawer } from './VolumeDrawer';
import { filterVolumes, sortVolumes, type VolumeSortKey } from './view';
import { SearchField } from '../../components/SearchField';

type Dialog =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'remove'; volume: VolumeSummary }
  | { kind: 'restore'; volume?: string };

/** Every volume, live: size, users, compose project; create, remove, prune, browse, back up and restore. */
export function VolumesPage() {
  const record = useBerth((s) => s.volumes.items);
  const loaded = useBerth((s) => s.volumes.loaded);
  const connected = useBerth((s) => s.engineStatus?.state === 'connected');
  const listError = useBerth((s) => (s.engineStatus?.state === 'unreachable' ? null : s.volumes.error));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<VolumeSortKey>>({ key: 'name', direction: 'asc' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [openName, setOpenName] = useState<string | null>(null);
  const client = useBerth((s) => s.client);

  // Sizes come from the engine's disk-usage walk, which events cannot trigger for writes inside containers: ask
  // for fresh ones whenever the page is shown and connected (the backend reads at most once per 10 s).
  useEffect(() => {
    if (connected) void client.call('volumes.refreshSizes', {});
  }, [client, connected]);

  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortVolumes(filterVolumes(all, query), sort), [all, query, sort]);
  const columns = useMemo(
    () =>
      volumeColumns({
        open: (v) => setOpenName(v.name),
        remove: (v) => setDialog({ kind: 'remove', volume: v }),
      }),
    [],
  );
  const open = openName ? record[openName] : undefined;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Volumes
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <SearchField label="Filter volumes" placeholder="Filter by name, driver, project or container" value={query} onChange={setQuery} width={340} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })}>
          Create volume
        </Button>
        <Button startIcon={<RestoreIcon />} onClick={() => setDialog({ kind: 'restore' })}>
          Restore from backup…
        </Button>
        <Button startIcon={<CleaningServicesIcon />} onClick={() => setDialog({ kind: 'prune' })}>
          Remove unused…
        </Button>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length
            ? plural(all.length, 'volume')
            : `${rows.length} of ${plural(all.length, 'volume')}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list volumes: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          {connected ? (
            <>
              <CircularProgress size={18} /> Loading volumes…
            </>
          ) : (
            'Volumes appear here once the engine can be reached.'
          )}
        </Box>
      ) : loaded && all.length === 0 ? (
        <NoVolumes />
      ) : (
        loaded && (
          <ResourceGrid
            label="Volumes"
            rows={rows}
            columns={columns}
            rowKey={(v) => v.name}
            rowLabel={(v) => v.name}
            sort={sort}
            onSort={(key) => setSort((s) => nextSort(s, key, ['size', 'created']))}
            onOpen={(v) => setOpenName(v.name)}
            onDelete={(v) => setDialog({ kind: 'remove', volume: v })}
          />
        )
      )}
      {open && (
        <VolumeDrawer
          volume={open}
          onClose={() => setOpenName(null)}
          onRemove={(v) => setDialog({ kind: 'remove', volume: v })}
          onRestore={(v) => setDialog({ kind: 'restore', volume: v.name })}
        />
      )}
      {dialog?.kind === 'create' && <CreateVolumeDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'prune' && <PruneVolumesDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'restore' && (
        <RestoreDialog
          {...(dialog.volume ? { volume: dialog.volume } : {})}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveVolumeDialog
          volume={dialog.volume}
          onClose={(removed) => {
            setDialog(null);
            if (removed && openName === dialog.volume.name) setOpenName(null);
          }}
        />
      )}
    </Box>
  );
}

/** No volumes at all: say what they are for and how to make one. */
function NoVolumes() {
  return (
    <Box sx={{ p: 4, maxWidth: 640 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        No volumes yet
      </Typography>
      <Typography gutterBottom>
        Volumes keep data (databases, uploads) when containers are replaced. Create one here, or let a
        container make one:
      </Typography>
      <CopyableCommand command="docker run -d --name db -v db-data:/var/lib/postgresql/data postgres" />
      <Typography sx={{ mt: 2 }}>
        Back up a volume from its details to a .tar.gz, and restore it here with “Restore from backup…”.
      </Typography>
    </Box>
  );
}
