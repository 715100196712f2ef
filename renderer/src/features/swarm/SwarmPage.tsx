import { Alert, Box, Tab, Tabs, Typography } from '@mui/material';
import { useMayCall } from '../../components/access';
import { useRoutePath } from '../../app/useHashRoute';
import { LocalClusterTab } from './cluster/LocalClusterTab';
import { ConfigsTab } from './configs/ConfigsTab';
import { NodesTab } from './nodes/NodesTab';
import { OverviewTab } from './overview/OverviewTab';
import { SecretsTab } from './secrets/SecretsTab';
import { ServicesTab } from './services/ServicesTab';
import { StacksTab } from './stacks/StacksTab';
import { isSwarmTab, swarmHref, swarmTabs, type SwarmTabId } from './tabs';
import { TopologyTab } from './topology/TopologyTab';
import { VisualizerTab } from './visualizer/VisualizerTab';

/** Swarm mode: the swarm's state and settings, its nodes and services, the visualizer and the local cluster. */
export function SwarmPage() {
  const [tab] = useRoutePath();
  const current: SwarmTabId = isSwarmTab(tab) ? tab : 'overview';
  const may = useMayCall();
  const tabs = swarmTabs.filter((t) => !('requires' in t) || may(t.requires));
  const shown = tabs.some((t) => t.id === current);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Swarm
      </Typography>
      <Tabs
        value={shown ? current : false}
        variant="scrollable"
        scrollButtons="auto"
        sx={{ px: 1, borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
      >
        {tabs.map((t) => (
          <Tab
            key={t.id}
            value={t.id}
            label={t.label}
            component="a"
            href={swarmHref(t.id)}
            sx={{ minHeight: 40 }}
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        aria-label={swarmTabs.find((t) => t.id === current)?.label}
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}
      >
        {current === 'overview' && <OverviewTab />}
        {current === 'nodes' && <NodesTab />}
        {current === 'services' && <ServicesTab />}
        {current === 'stacks' && <StacksTab />}
        {current === 'secrets' && <SecretsTab />}
        {current === 'configs' && <ConfigsTab />}
        {current === 'visualizer' && <VisualizerTab />}
        {current === 'topology' && <TopologyTab />}
        {current === 'cluster' && (shown ? <LocalClusterTab /> : <Alert severity="info" sx={{ m: 2 }}>Only an admin can make or manage a local test cluster.</Alert>)}
      </Box>
    </Box>
  );
}
