import { useMemo } from 'react';
import { Alert, Box, Link, List, ListItem, Paper, Typography } from '@mui/material';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import { plural, relativeTime } from '../../../api/contract';
import { useNow } from '../../../components/useNow';
import { useBerth } from '../../../stores/context';
import { swarmHealth, type HealthItem } from './health';

function Section({ title, items, now }: { title: string; items: HealthItem[]; now: number }) {
  if (items.length === 0) return null;
  return (
    <Box component="section" aria-label={title} sx={{ mt: 1 }}>
      <Typography variant="subtitle2">
        {title} ({items.length})
      </Typography>
      <List dense disablePadding>
        {items.map((item) => (
          <ListItem key={item.key} disableGutters sx={{ gap: 1, alignItems: 'flex-start', py: 0.25 }}>
            {item.severity === 'error' ? (
              <ErrorIcon fontSize="small" color="error" aria-label="error" />
            ) : (
              <WarningIcon fontSize="small" color="warning" aria-label="warning" />
            )}
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              <Link href={item.href}>{item.name}</Link> {item.text}
              {item.at !== undefined && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  · {relativeTime(item.at, now)}
                </Typography>
              )}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/**
 * The swarm's health at a glance, live from the store: nodes down or unreachable, services not converged
 * (running below desired, an update paused or rolling back), and the last hour's task failures with their errors,
 * each linking to the node or service. Shows nothing while the engine is not a manager (the page says why).
 */
export function SwarmHealth() {
  const isManager = useBerth((s) => s.swarm.status?.isManager === true);
  const loaded = useBerth((s) => s.swarmNodes.loaded && s.swarmServices.loaded && s.swarmTasks.loaded);
  const nodes = useBerth((s) => s.swarmNodes.items);
  const services = useBerth((s) => s.swarmServices.items);
  const tasks = useBerth((s) => s.swarmTasks.items);
  const now = useNow(30_000, isManager);
  const health = useMemo(() => swarmHealth(nodes, services, tasks, now), [nodes, services, tasks, now]);
  if (!isManager) return null;
  const problems = health.nodes.length + health.services.length + health.failures.length;
  return (
    <Paper variant="outlined" component="section" aria-label="Swarm health" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        Health
      </Typography>
      {!loaded ? (
        <Typography color="text.secondary">Checking the swarm…</Typography>
      ) : problems === 0 ? (
        <Alert severity="success" sx={{ mt: 1 }}>
          All {plural(health.counts.nodes, 'node')} ready, {plural(health.counts.services, 'service')} converged, no task
          failures in the last hour.
        </Alert>
      ) : (
        <>
          <Section title="Nodes down or unreachable" items={health.nodes} now={now} />
          <Section title="Services not converged" items={health.services} now={now} />
          <Section title="Recent task failures" items={health.failures} now={now} />
        </>
      )}
    </Paper>
  );
}
