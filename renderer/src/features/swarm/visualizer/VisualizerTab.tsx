import { Typography } from '@mui/material';

// Placeholder on the swarm-pages branch only: the swarm-visualizer branch owns the real tab (taken at merge).
export function VisualizerTab() {
  return <Typography sx={{ p: 2 }}>The visualizer comes with the swarm-visualizer branch.</Typography>;
}
