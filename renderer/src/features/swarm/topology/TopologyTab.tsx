import { lazy, Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';

// The graph library and the layout load with the tab, not with the Swarm page.
const TopologyView = lazy(() => import('./TopologyView'));

/** The Swarm page's Topology tab: services, published ports and networks as a live graph. */
export function TopologyTab() {
  return (
    <Suspense
      fallback={
        <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }}>
          <CircularProgress size={18} /> Loading the topology…
        </Box>
      }
    >
      <TopologyView />
    </Suspense>
  );
}
