import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Alert, Box, Link, MenuItem, TextField, Typography } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import { plural } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { ConnectDialog } from '../../networks/ConnectDialog';
import { NetworkDrawer } from '../../networks/NetworkDrawer';
import { ManagerOnly } from '../NotManager';
import { ServiceDrawer } from '../services/ServiceDrawer';
import { swarmHref } from '../tabs';
import { noTopologyFilter, type TopologyFilter, type TopologyNodeData } from './graph';
import { createTopology, type TopologyFlowEdge, type TopologyFlowNode } from './model';
import { topologyNodeTypes } from './TopologyNodes';

// React Flow's default node description speaks of selecting, moving and deleting, which this view does not do.
const opens = 'Press Enter or Space to open its details; Tab moves to the next node.';
const ariaLabels = { 'node.a11yDescription.default': opens, 'node.a11yDescription.keyboardDisabled': opens };

type Opened = { kind: 'service'; id: string } | { kind: 'network'; id: string; connecting?: boolean };

/** What a node opens: a service (or a port's service) its drawer, a network its details. */
function target(data: TopologyNodeData | { kind: 'stack' }): Opened | null {
  if (data.kind === 'service' || data.kind === 'port') return { kind: 'service', id: data.serviceId };
  if (data.kind === 'network') return { kind: 'network', id: data.networkId };
  return null;
}

/** Fits the graph into view when the filter changes (and once at the start, through `fitView`). */
function FitOnFilter({ filter }: { filter: TopologyFilter }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [filter, fitView]);
  return null;
}

function Graph({ filter }: { filter: TopologyFilter }) {
  const services = useBerth((s) => s.swarmServices.items);
  const networks = useBerth((s) => s.networks.items);
  const loaded = useBerth((s) => s.swarmServices.loaded);
  const listError = useBerth((s) => s.swarmServices.error ?? s.networks.error);
  const [topology] = useState(createTopology);
  const [opened, setOpened] = useState<Opened | null>(null);
  const view = useMemo(() => topology.view(Object.values(services), Object.values(networks), filter), [topology, services, networks, filter]);
  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  const { mode, systemMode } = useColorScheme();
  const colorMode = (mode === 'system' ? systemMode : mode) === 'dark' ? 'dark' : 'light';

  const open = useCallback((node: TopologyFlowNode | undefined) => {
    const t = node && target(node.data);
    if (t) setOpened(t);
  }, []);
  // Enter or Space on a focused node opens it, like a click.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as Element).closest('.react-flow__node')?.getAttribute('data-id');
    if (!id) return;
    e.preventDefault();
    open(byId.get(id));
  };

  const service = opened?.kind === 'service' ? services[opened.id] : undefined;
  const network = opened?.kind === 'network' ? networks[opened.id] : undefined;
  const empty = Object.keys(services).length === 0;
  return (
    <>
      <Typography role="status" variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
        {`${plural(view.services, 'service')} · ${plural(view.networks, 'network')} · ${plural(view.ports, 'published port')}`}
      </Typography>
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the swarm&apos;s services or networks: {listError.message}
        </Alert>
      )}
      {empty ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {loaded ? (
            <>
              This swarm has no services yet. Create one on the <Link href={swarmHref('services')}>Services</Link> tab; it appears here with its networks and
              published ports.
            </>
          ) : (
            'Loading the swarm…'
          )}
        </Typography>
      ) : view.nodes.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          No service matches the filters.
        </Typography>
      ) : (
        <Box role="region" aria-label="Topology graph" sx={{ flex: 1, minHeight: 360, position: 'relative' }} onKeyDown={onKeyDown}>
          <ReactFlow<TopologyFlowNode, TopologyFlowEdge>
            nodes={view.nodes}
            edges={view.edges}
            nodeTypes={topologyNodeTypes}
            colorMode={colorMode}
            onNodeClick={(_, node) => open(node)}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            minZoom={0.05}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
            ariaLabelConfig={ariaLabels}
          >
            <Background />
            <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1 }} />
            <FitOnFilter filter={filter} />
          </ReactFlow>
        </Box>
      )}
      {service && <ServiceDrawer service={service} onClose={() => setOpened(null)} />}
      {network && opened?.kind === 'network' && !opened.connecting && (
        <NetworkDrawer network={network} onClose={() => setOpened(null)} onConnect={() => setOpened({ ...opened, connecting: true })} />
      )}
      {network && opened?.kind === 'network' && opened.connecting && <ConnectDialog network={network} onClose={() => setOpened(null)} />}
    </>
  );
}

/**
 * The swarm's topology (loaded with the tab, see TopologyTab.tsx), live: services (running/desired, image, mode) with their published ports on the left and
 * the networks they attach to on the right, services of a stack boxed together; laid out automatically (dagre)
 * and only again when the graph's shape changes. A node opens its service's drawer or its network's details.
 */
export default function TopologyView() {
  const stacks = useBerth((s) => s.swarmServices.items);
  const [filter, setFilter] = useState(noTopologyFilter);
  // The chosen stack stays listed while it is gone (removed meanwhile), so the choice stays visible.
  const stackNames = useMemo(
    () => [...new Set([...Object.values(stacks).flatMap((s) => (s.stack ? [s.stack] : [])), ...(filter.stack ? [filter.stack] : [])])].sort(),
    [stacks, filter.stack],
  );
  return (
    <ManagerOnly what="Services and networks">
      <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Box sx={{ display: 'flex', gap: 1, px: 2, py: 1.5, flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label="Stack"
            value={filter.stack ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, stack: e.target.value || null }))}
            sx={{ minWidth: 160 }}
          >
            <MenuItem value="">All</MenuItem>
            {stackNames.map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="search"
            label="Search"
            placeholder="service, image, network or port"
            value={filter.query}
            onChange={(e) => setFilter((f) => ({ ...f, query: e.target.value }))}
            sx={{ minWidth: 260 }}
          />
        </Box>
        <Graph filter={filter} />
      </Box>
    </ManagerOnly>
  );
}
