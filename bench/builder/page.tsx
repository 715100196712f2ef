// The page of builder.bench.ts's drag measurement: the real builder canvas (Canvas over the builder store, React
// Flow, the MUI node views) and its inspector, on a compose file of N services, inside the real Berth store fed by
// an in-page engine client. The YAML pane (Monaco) is left out: a drag does not touch it until the drop. Bundled by
// the bench (esbuild); `window.builderBench.frames()` records requestAnimationFrame times while the bench drags.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { Box, ThemeProvider } from '@mui/material';
import { theme } from '../../renderer/src/app/theme';
import { useBuilderStore } from '../../renderer/src/features/builder/builderStore';
import { Canvas } from '../../renderer/src/features/builder/Canvas';
import { Inspector } from '../../renderer/src/features/builder/Inspector';
import { StoreProvider } from '../../renderer/src/stores/context';
import { bindEngine, createBerthStore } from '../../renderer/src/stores/store';
import { benchClient } from '../lib/page-client';
import { builderFile } from './file';

const services = Number(new URLSearchParams(location.search).get('services') ?? 100);
const { client } = benchClient({ 'images.list': [], 'registries.list': [], 'templates.list': { templates: [], categories: [], unreadable: [] } });

let recording: number[] | null = null;
const tick = (t: number) => {
  recording?.push(t);
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);

declare global {
  interface Window {
    builderBench: { start: () => void; stop: () => number[]; text: () => string };
  }
}

function Page() {
  const store = useBuilderStore();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    store.getState().load('bench', builderFile(services));
    window.builderBench.text = () => store.getState().text;
    setReady(true);
  }, [store]);
  if (!ready) return null;
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
        <Canvas problems={[]} onStatus={() => undefined} />
      </Box>
      <Inspector onStatus={() => undefined} />
    </Box>
  );
}

window.builderBench = {
  start: () => void (recording = []),
  stop: () => {
    const r = recording ?? [];
    recording = null;
    return r;
  },
  text: () => '',
};

const berth = createBerthStore(client);
bindEngine(berth, client);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <ThemeProvider theme={theme}>
    <StoreProvider store={berth}>
      <ReactFlowProvider>
        <Page />
      </ReactFlowProvider>
    </StoreProvider>
  </ThemeProvider>,
);
