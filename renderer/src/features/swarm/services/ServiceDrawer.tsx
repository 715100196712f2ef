import { useMemo, useState } from 'react';
import { Alert, Box, Chip, Drawer, IconButton, Tab, Tabs, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatTime, type SwarmServiceSummary } from '../../../api/contract';
import { useMay } from '../../../components/access';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { LogsTab } from '../../container-details/logs/LogsTab';
import { RawJson } from '../RawJson';
import { byNewest, isCurrent, TaskTable } from '../TaskTable';
import { ScaleField, TaskProgress } from './ScaleControl';
import { portText, scalable, updateText } from './view';

type DrawerTab = 'tasks' | 'history' | 'logs' | 'json';

/** Where a rolling update stands: its state, message and how many tasks run of those wanted. */
function UpdateProgress({ service }: { service: SwarmServiceSummary }) {
  const u = service.update;
  if (!u) return null;
  const active = u.state === 'updating' || u.state === 'rollback_started';
  const paused = u.state.includes('paused');
  return (
    <Alert severity={paused ? 'error' : active ? 'info' : 'success'} role="status">
      {active ? 'Rolling update in progress' : `Update ${updateText(service)}`}
      {u.message ? `: ${u.message}` : ''}
      {u.startedAt ? ` (started ${formatTime(u.startedAt)}` : ''}
      {u.startedAt ? (u.completedAt ? `, done ${formatTime(u.completedAt)})` : ')') : ''}.
      {active && ` ${service.running} of ${service.desired} tasks running.`}
      {paused && ' Fix the cause and edit the service again, or roll back.'}
    </Alert>
  );
}

/** A service's tasks (by node), their history, its merged logs, its raw JSON and rolling-update progress. */
export function ServiceDrawer({ service, onClose }: { service: SwarmServiceSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const taskRecord = useBerth((s) => s.swarmTasks.items);
  const nodes = useBerth((s) => s.swarmNodes.items);
  const failure = useBerth((s) => s.swarmServices.errors[service.id]);
  const [tab, setTab] = useState<DrawerTab>('tasks');
  const mayScale = useMay('services.scale');
  const details = useCall(client, 'services.inspect', { id: service.id }, tab === 'json');
  const tasks = useMemo(
    () =>
      Object.values(taskRecord)
        .filter((t) => t.serviceId === service.id)
        .sort(byNewest),
    [taskRecord, service.id],
  );
  const current = tasks.filter(isCurrent);
  const history = tasks.filter((t) => !isCurrent(t));
  const nodeName = (id: string | undefined) => (id ? (nodes[id]?.hostname ?? id.slice(0, 12)) : 'unassigned');

  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { sx: { width: 'min(820px, 94vw)' } } }}
    >
      <Box
        role="region"
        aria-label={`Service ${service.name}`}
        sx={{
          p: 2,
          display: 'flex',
          flexDirection: 'column',
          gap: 1,
          height: '100%',
          boxSizing: 'border-box',
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {service.name}
          </Typography>
          {service.stack && <Chip size="small" variant="outlined" label={`stack ${service.stack}`} />}
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {service.image} · {service.mode} · ports {service.ports.map(portText).join(', ') || 'none'} ·
          networks {service.networks.join(', ') || 'none'}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Box sx={{ width: 120 }}>
            <TaskProgress service={service} />
          </Box>
          {scalable(service) && mayScale && <ScaleField key={service.replicas} service={service} />}
        </Box>
        {failure && (
          <Alert severity="error">
            Could not {failure.action} {service.name}: {failure.error.message}
            <ErrorDetails details={failure.error.details} />
          </Alert>
        )}
        <UpdateProgress service={service} />
        <Tabs value={tab} onChange={(_, v: DrawerTab) => setTab(v)}>
          <Tab value="tasks" label={`Tasks (${current.length})`} />
          <Tab value="history" label={`History (${history.length})`} />
          <Tab value="logs" label="Logs" />
          <Tab value="json" label="JSON" />
        </Tabs>
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
          {tab === 'tasks' && (
            <TaskTable tasks={current} label={`Tasks of ${service.name}`} show="node" nodeName={nodeName} />
          )}
          {tab === 'history' && (
            <TaskTable
              tasks={history}
              label={`Earlier tasks of ${service.name}`}
              show="node"
              nodeName={nodeName}
            />
          )}
          {tab === 'logs' && <LogsTab id={service.id} name={service.name} kind="service" />}
          {tab === 'json' &&
            (details.error ? (
              <Alert severity="error">
                Could not inspect the service: {details.error.message}
                <ErrorDetails details={details.error.details} />
              </Alert>
            ) : details.value ? (
              <RawJson value={details.value.raw} label={`JSON of ${service.name}`} />
            ) : (
              <Typography role="status">Reading the service…</Typography>
            ))}
        </Box>
      </Box>
    </Drawer>
  );
}
