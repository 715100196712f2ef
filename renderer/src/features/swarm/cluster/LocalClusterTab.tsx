import { Typography } from '@mui/material';

// Placeholder on the swarm-pages branch only: the swarm-visualizer branch owns the real tab (taken at merge).
export function LocalClusterTab() {
  return <Typography sx={{ p: 2 }}>The local cluster tab comes with the swarm-visualizer branch.</Typography>;
}
