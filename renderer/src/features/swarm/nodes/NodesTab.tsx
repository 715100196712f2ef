import { useMemo, useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import { plural, type NodeAvailability, type SwarmNode } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { ResourceGrid } from '../../../components/grid/ResourceGrid';
import { nextSort, type Sort } from '../../../components/grid/sort';
import { useBerth } from '../../../stores/context';
import { ManagerOnly } from '../NotManager';
import { useDrawerRoute } from '../useDrawerRoute';
import { nodeColumns } from './columns';
import { LabelsDialog, RemoveNodeDialog, RoleDialog } from './NodeDialogs';
import { NodeDrawer } from './NodeDrawer';
import { filterNodes, reachableManagers, sortNodes, type NodeSortKey } from './view';
import { SearchField } from '../../../components/SearchField';

type Dialog =
  | { kind: 'role'; node: SwarmNode; to: 'manager' | 'worker' }
  | { kind: 'labels'; node: SwarmNode }
  | { kind: 'remove'; node: SwarmNode };

/** The swarm's nodes, live, with availability, role, labels and removal. */
export function NodesTab() {
  return (
    <ManagerOnly what="Nodes">
      <NodesGrid />
    </ManagerOnly>
  );
}

function NodesGrid() {
  const record = useBerth((s) => s.swarmNodes.items);
  const loaded = useBerth((s) => s.swarmNodes.loaded);
  const listError = useBerth((s) => s.swarmNodes.error);
  const pending = useBerth((s) => s.swarmNodes.pending);
  const failures = useBerth((s) => s.swarmNodes.errors);
  const runAction = useBerth((s) => s.swarmNodes.runAction);
  const dismissError = useBerth((s) => s.swarmNodes.dismissError);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<NodeSortKey>>({ key: 'hostname', direction: 'asc' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [openId, setOpenId] = useDrawerRoute('nodes');
  const all = useMemo(() => Object.values(record), [record]);
  const rows = useMemo(() => sortNodes(filterNodes(all, query), sort), [all, query, sort]);
  const columns = useMemo(
    () =>
      nodeColumns(
        {
          open: (n) => setOpenId(n.id),
          availability: (n: SwarmNode, to: NodeAvailability) =>
            void runAction(n.id, to, (c) => c.call('nodes.update', { id: n.id, availability: to })),
          role: (n, to) => setDialog({ kind: 'role', node: n, to }),
          labels: (n) => setDialog({ kind: 'labels', node: n }),
          remove: (n) => setDialog({ kind: 'remove', node: n }),
        },
        pending,
      ),
    [pending, runAction, setOpenId],
  );
  const open = openId ? record[openId] : undefined;
  const failed = Object.entries(failures);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, pb: 1 }}>
        <SearchField label="Filter nodes" placeholder="Filter by hostname, role, state or label" value={query} onChange={setQuery} width={340} />
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {rows.length === all.length
            ? plural(all.length, 'node')
            : `${rows.length} of ${plural(all.length, 'node')}`}
        </Typography>
      </Box>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the nodes: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {failed.map(([id, f]) => (
        <Alert key={id} severity="error" sx={{ mx: 2, mb: 1 }} onClose={() => dismissError(id)}>
          Could not {f.action} {record[id]?.hostname ?? id}: {f.error.message}
          <ErrorDetails details={f.error.details} />
        </Alert>
      ))}
      {loaded ? (
        <ResourceGrid
          label="Nodes"
          rows={rows}
          columns={columns}
          rowKey={(n) => n.id}
          rowLabel={(n) => n.hostname}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key, ['cpus', 'memory']))}
          onOpen={(n) => setOpenId(n.id)}
          onDelete={(n) => setDialog({ kind: 'remove', node: n })}
        />
      ) : (
        !listError && (
          <Typography sx={{ p: 2 }} role="status">
            Loading nodes…
          </Typography>
        )
      )}
      {open && <NodeDrawer node={open} onClose={() => setOpenId(null)} />}
      {dialog?.kind === 'role' && (
        <RoleDialog
          node={dialog.node}
          to={dialog.to}
          managers={reachableManagers(all)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'labels' && <LabelsDialog node={dialog.node} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && <RemoveNodeDialog node={dialog.node} onClose={() => setDialog(null)} />}
    </Box>
  );
}
