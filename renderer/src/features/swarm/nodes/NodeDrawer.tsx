import { useMemo, useState } from 'react';
import { Alert, Box, Drawer, IconButton, Tab, Tabs, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatMemory, formatTime, type SwarmNode } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { RawJson } from '../RawJson';
import { byNewest, isCurrent, TaskTable } from '../TaskTable';
import { labelText } from './view';

/** A node's facts, the tasks placed on it (live, from s.swarmTasks) and its raw JSON. */
export function NodeDrawer({ node, onClose }: { node: SwarmNode; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const taskRecord = useBerth((s) => s.swarmTasks.items);
  const [tab, setTab] = useState<'tasks' | 'json'>('tasks');
  const details = useCall(client, 'nodes.inspect', { id: node.id }, tab === 'json');
  const tasks = useMemo(
    () =>
      Object.values(taskRecord)
        .filter((t) => t.nodeId === node.id)
        .sort(byNewest),
    [taskRecord, node.id],
  );
  const current = tasks.filter(isCurrent);
  const facts: [string, string][] = [
    ['ID', node.id],
    [
      'Role',
      node.role === 'manager'
        ? `${node.leader ? 'leader' : 'manager'} (${node.reachability ?? 'unknown'})`
        : 'worker',
    ],
    ['State', `${node.state}${node.message ? `: ${node.message}` : ''}`],
    ['Availability', node.availability],
    ['Address', node.addr ?? '—'],
    ['Engine', `${node.engineVersion ?? '—'} on ${node.os ?? '?'}/${node.arch ?? '?'}`],
    ['Resources', `${node.cpus ?? '?'} CPUs, ${node.memoryBytes ? formatMemory(node.memoryBytes) : '?'}`],
    ['Labels', labelText(node.labels) || 'none'],
    ['Engine labels', labelText(node.engineLabels) || 'none'],
    ['Created', node.createdAt ? formatTime(node.createdAt) : '—'],
  ];
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { sx: { width: 'min(640px, 92vw)' } } }}
    >
      <Box
        role="region"
        aria-label={`Node ${node.hostname}`}
        sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {node.hostname}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
        >
          {facts.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {k}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
                {v}
              </Typography>
            </Box>
          ))}
        </Box>
        <Tabs value={tab} onChange={(_, v: 'tasks' | 'json') => setTab(v)}>
          <Tab value="tasks" label={`Tasks (${current.length} running or wanted)`} />
          <Tab value="json" label="JSON" />
        </Tabs>
        {tab === 'tasks' ? (
          <TaskTable tasks={tasks} label={`Tasks on ${node.hostname}`} show="service" />
        ) : details.error ? (
          <Alert severity="error">
            Could not inspect the node: {details.error.message}
            <ErrorDetails details={details.error.details} />
          </Alert>
        ) : details.value ? (
          <RawJson value={details.value.raw} label={`JSON of ${node.hostname}`} />
        ) : (
          <Typography role="status">Reading the node…</Typography>
        )}
      </Box>
    </Drawer>
  );
}
