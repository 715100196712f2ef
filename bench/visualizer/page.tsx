// The page of visualizer.bench.ts: the real store (createBerthStore + bindEngine, patches batched per animation
// frame) and the real VisualizerTab, fed by an in-page engine client that answers the swarm lists with a synthetic
// cluster and lets the bench push `swarmTasks.changed` patches as the backend would. Bundled by the bench (esbuild).
import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@mui/material';
import { type SwarmNode, type SwarmTask, type SwarmTaskState } from '../../renderer/src/api/contract';
import { theme } from '../../renderer/src/app/theme';
import { benchClient } from '../lib/page-client';
import { VisualizerTab } from '../../renderer/src/features/swarm/visualizer/VisualizerTab';
import { StoreProvider } from '../../renderer/src/stores/context';
import { bindEngine, createBerthStore } from '../../renderer/src/stores/store';

const params = new URLSearchParams(location.search);
const NODES = Number(params.get('nodes') ?? 50);
const TASKS = Number(params.get('tasks') ?? 1000);
const SERVICES = 20;

const nodes: SwarmNode[] = Array.from({ length: NODES }, (_, i) => ({
  id: `node${i}`,
  hostname: `node-${String(i).padStart(2, '0')}`,
  role: i < 3 ? 'manager' : 'worker',
  availability: 'active',
  state: 'ready',
  leader: i === 0,
  cpus: 4,
  memoryBytes: 8e9,
  labels: { zone: `z${i % 3}` },
  engineLabels: {},
  self: i === 0,
  version: 1,
}));
const tasks = new Map<string, SwarmTask>();
for (let i = 0; i < TASKS; i++) {
  const service = `svc${String(i % SERVICES).padStart(2, '0')}`;
  const t: SwarmTask = {
    id: `task${i}`,
    serviceId: `${service}-id`,
    serviceName: service,
    slot: Math.floor(i / SERVICES) + 1,
    nodeId: `node${i % NODES}`,
    desiredState: 'running',
    state: 'running',
    createdAt: 1000 + i,
  };
  tasks.set(t.id, t);
}

const answers: Record<string, unknown> = {
  'swarm.status': { state: 'active', isManager: true, nodeId: 'node0', remoteManagers: [] },
  'nodes.list': nodes,
  'swarmTasks.list': [...tasks.values()],
  'services.list': [],
};
const { client, emit } = benchClient(answers);

/** Sets a task's state and pushes the patch the backend would; returns the card's accessible name prefix. */
function setState(id: string, state: SwarmTaskState): string {
  const t = tasks.get(id);
  if (!t) throw new Error(`no task ${id}`);
  const next = { ...t, state };
  tasks.set(id, next);
  emit('swarmTasks.changed', { kind: 'patch', upserts: [next], removed: [] });
  return `${t.serviceName}.${t.slot}: ${state}`;
}

/**
 * A real change for the latency samples: running ↔ starting. Setting the state a task already has changes nothing
 * on screen, so a sample waiting for it would never end (the bench hung that way).
 */
function flip(id: string): string {
  return setState(id, tasks.get(id)?.state === 'running' ? 'starting' : 'running');
}

declare global {
  interface Window {
    bench: { setState: typeof setState; flip: typeof flip; taskIds: string[]; visibleTaskIds: () => string[] };
  }
}
window.bench = {
  setState,
  flip,
  taskIds: [...tasks.keys()],
  /** Tasks whose card is in the DOM now (the board is virtualized). */
  visibleTaskIds: () => {
    const names = new Set([...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')?.split(':')[0]));
    return [...tasks.values()].filter((t) => names.has(`${t.serviceName}.${t.slot}`)).map((t) => t.id);
  },
};

const store = createBerthStore(client);
bindEngine(store, client);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <ThemeProvider theme={theme}>
    <StoreProvider store={store}>
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <VisualizerTab />
      </div>
    </StoreProvider>
  </ThemeProvider>,
);
