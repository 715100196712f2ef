import { useMemo, useState } from 'react';
import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { formatTime, type BerthErrorData, type LocalClusterStatus, type Result, type TaskRef } from '../../../api/contract';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TaskPanel } from '../../../components/task/TaskPanel';
import { useTaskInfo } from '../../../components/task/useTaskInfo';
import { useBerth } from '../../../stores/context';
import { ClusterNodes } from './ClusterNodes';
import { CreateClusterForm, mechanismText } from './CreateClusterForm';

/** Runs one call at a time, keeps the task it started (its progress shows below) and the error it returned. */
function useClusterCalls() {
  const client = useBerth((s) => s.client);
  const setClusterStatus = useBerth((s) => s.setClusterStatus);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [taskId, setTaskId] = useState<string | undefined>();
  const run = async <T,>(invoke: () => Promise<Result<T>>, onValue?: (v: T) => void) => {
    setBusy(true);
    setError(null);
    const result = await invoke();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else onValue?.(result.value);
    return result.ok;
  };
  const task = (invoke: () => Promise<Result<TaskRef>>) => run(invoke, (ref) => setTaskId(ref.taskId));
  return { client, busy, error, taskId, run, task, setClusterStatus };
}

function ClusterActions({ status, calls }: { status: LocalClusterStatus; calls: ReturnType<typeof useClusterCalls> }) {
  const { client, busy } = calls;
  const images = useBerth((s) => s.images.items);
  const tags = useMemo(() => Object.values(images).flatMap((i) => i.repoTags).sort(), [images]);
  const [image, setImage] = useState('');
  const [confirm, setConfirm] = useState(false);
  const stopped = status.nodes.some((n) => n.state === 'stopped' || n.state === 'failed');
  const connect = (to: 'manager' | 'previous') =>
    void calls.run(() => client.call('cluster.connect', { to }), calls.setClusterStatus);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      {status.connected ? (
        <Button variant="outlined" disabled={busy} onClick={() => connect('previous')}>
          Back to my engine
        </Button>
      ) : (
        <Button variant="contained" disabled={busy || !status.managerEndpoint} onClick={() => connect('manager')}>
          Connect Berth to this cluster
        </Button>
      )}
      <Button variant="outlined" disabled={busy || !stopped} onClick={() => void calls.task(() => client.call('cluster.start', {}))}>
        Start again
      </Button>
      <TextField
        select
        size="small"
        label="Image to load onto the nodes"
        value={image}
        onChange={(e) => setImage(e.target.value)}
        sx={{ minWidth: 260 }}
        helperText={tags.length === 0 ? 'No tagged image on the current engine' : ' '}
      >
        {tags.map((t) => (
          <MenuItem key={t} value={t}>
            {t}
          </MenuItem>
        ))}
      </TextField>
      <Button
        variant="outlined"
        disabled={busy || !image}
        onClick={() => void calls.task(() => client.call('cluster.loadImage', { image }))}
      >
        Load image
      </Button>
      <Button color="error" variant="outlined" disabled={busy} onClick={() => setConfirm(true)}>
        Destroy cluster
      </Button>
      {confirm && (
        <DangerDialog
          id="destroy-cluster"
          title={`Destroy the local cluster${status.name ? ` ${status.name}` : ''}?`}
          lost={`Its ${status.nodes.length} nodes stop and are removed with their data: every service, container, image and volume on them, and the cluster network.${status.connected ? ' Berth switches back to the engine it used before.' : ''}`}
          confirmLabel="Destroy"
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            setConfirm(false);
            void calls.task(() => client.call('cluster.destroy', {}));
          }}
        />
      )}
    </Box>
  );
}

function EmptyExplanation({ status }: { status: LocalClusterStatus }) {
  const usable = status.mechanisms.find((m) => m.usable);
  return (
    <Box sx={{ maxWidth: 720 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        No local cluster yet
      </Typography>
      <Typography gutterBottom>
        A local cluster is a multi-node swarm running entirely on this machine: Berth starts several engines, makes
        the first one a swarm manager and joins the others to it, each with its own hostname and address. Deploy
        services or stacks to it, watch the tasks spread in the visualizer, drain a node and see the cluster heal, then
        destroy it — your own engine is not touched.
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {usable
          ? `This machine uses: ${mechanismText[usable.mechanism]}.`
          : 'No way to run local nodes works on this machine yet (reasons below).'}
      </Typography>
    </Box>
  );
}

/** The local multi-node cluster: create it, follow its progress, connect Berth to it, load images, destroy it. */
export function LocalClusterTab() {
  const status = useBerth((s) => s.swarm.cluster);
  const calls = useClusterCalls();
  const task = useTaskInfo(calls.taskId);
  if (!status) return <Typography sx={{ p: 2 }}>Checking for a local cluster…</Typography>;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      {status.exists ? (
        <>
          <Box>
            <Typography variant="h6" component="h2">
              Local cluster{status.name ? ` ${status.name}` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {status.nodes.length} nodes · {status.mechanism ? mechanismText[status.mechanism] : 'unknown mechanism'}
              {status.createdAt ? ` · created ${formatTime(status.createdAt)}` : ''}
              {status.connected ? ' · Berth is connected to its manager' : ''}
            </Typography>
          </Box>
          <ClusterActions status={status} calls={calls} />
          <ErrorAlert error={calls.error} />
          <ClusterNodes nodes={status.nodes} />
        </>
      ) : (
        <>
          <EmptyExplanation status={status} />
          <CreateClusterForm
            mechanisms={status.mechanisms}
            busy={calls.busy || task?.state === 'running'}
            error={calls.error}
            onCreate={(input) => void calls.task(() => calls.client.call('cluster.create', input))}
          />
        </>
      )}
      {task && <TaskPanel task={task} />}
    </Box>
  );
}
