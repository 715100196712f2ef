// The page of topology.bench.ts: the real store (createBerthStore + bindEngine, patches batched per animation
// frame) and the real TopologyTab, fed by an in-page engine client that answers the services and networks lists
// with a synthetic swarm and lets the bench push `services.changed` patches. Also exposes the layout alone, so its
// time is measured in the browser's engine. Bundled by the bench (esbuild).
import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@mui/material';
import { type SwarmServiceSummary } from '../../renderer/src/api/contract';
import { theme } from '../../renderer/src/app/theme';
import { benchClient } from '../lib/page-client';
import { noTopologyFilter } from '../../renderer/src/features/swarm/topology/graph';
import { createTopology } from '../../renderer/src/features/swarm/topology/model';
import { bigSwarm } from '../../renderer/src/features/swarm/topology/testing/topologyFixtures';
import { TopologyTab } from '../../renderer/src/features/swarm/topology/TopologyTab';
import { StoreProvider } from '../../renderer/src/stores/context';
import { bindEngine, createBerthStore } from '../../renderer/src/stores/store';

const params = new URLSearchParams(location.search);
const swarm = bigSwarm(Number(params.get('services') ?? 200), Number(params.get('networks') ?? 30));
const services = new Map(swarm.services.map((s) => [s.id, s]));

const answers: Record<string, unknown> = {
  'swarm.status': { state: 'active', isManager: true, nodeId: 'node0', remoteManagers: [] },
  'services.list': swarm.services,
  'networks.list': swarm.networks,
  'nodes.list': [],
  'swarmTasks.list': [],
};
const { client, emit } = benchClient(answers);

/** Scales a service and pushes the patch the backend would; returns the node's new accessible name prefix. */
function scale(id: string, replicas: number): string {
  const s = services.get(id);
  if (!s) throw new Error(`no service ${id}`);
  const next: SwarmServiceSummary = { ...s, replicas, desired: replicas, running: replicas };
  services.set(id, next);
  emit('services.changed', { kind: 'patch', upserts: [next], removed: [] });
  return `service ${s.name}, `;
}

/** Model + layout alone, from a fresh topology (what a shape change costs), in ms. */
function layoutOnce(): number {
  const t0 = performance.now();
  createTopology().view(swarm.services, swarm.networks, noTopologyFilter);
  return performance.now() - t0;
}

declare global {
  interface Window {
    topologyBench: { scale: typeof scale; layoutOnce: typeof layoutOnce; serviceIds: string[] };
  }
}
window.topologyBench = { scale, layoutOnce, serviceIds: [...services.keys()] };

const store = createBerthStore(client);
bindEngine(store, client);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <ThemeProvider theme={theme}>
    <StoreProvider store={store}>
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <TopologyTab />
      </div>
    </StoreProvider>
  </ThemeProvider>,
);
