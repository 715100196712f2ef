import { useEffect, useState } from 'react';
import { TextField } from '@mui/material';
import type { BerthErrorData, SwarmStatus } from '../../../api/contract';
import { TaskPanel } from '../../../components/task/TaskPanel';
import { useTaskInfo } from '../../../components/task/useTaskInfo';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { joinProblem } from '../errors';
import { AddressPicker } from './AddressPicker';
import { FormDialog } from './FormDialog';

const TOKEN = /^SWMTKN-1-[a-z0-9]+-[a-z0-9]+$/;

/** What a pasted `docker swarm join --token T host:port` line holds, so pasting the whole command works. */
function fromCommand(text: string): { token?: string; manager?: string } {
  const token = /SWMTKN-1-[a-z0-9]+-[a-z0-9]+/.exec(text)?.[0];
  const manager = /\s([a-zA-Z0-9_.[\]:-]+:\d+)\s*$/.exec(text)?.[1];
  return { ...(token ? { token } : {}), ...(manager ? { manager } : {}) };
}

/**
 * `docker swarm join`: the token decides whether this engine joins as a worker or a manager. The join is a task
 * (a refused token takes the engine ~15 s to report): its progress shows here, and its error lands on the field.
 */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const setSwarmStatus = useBerth((s) => s.setSwarmStatus);
  const addresses = useCall(client, 'swarm.addresses', {});
  const [manager, setManager] = useState('');
  const [token, setToken] = useState('');
  const [advertise, setAdvertise] = useState('');
  const [starting, setStarting] = useState(false);
  const [callError, setError] = useState<BerthErrorData | null>(null);
  const [taskId, setTaskId] = useState<string>();
  const task = useTaskInfo(taskId);
  const busy = starting || task?.state === 'running';
  // A join that ended without joining puts its error where a refused call would.
  const failed = task && task.state !== 'running' && task.state !== 'succeeded' ? task : undefined;
  const error = failed ? (failed.error ?? { code: 'INTERNAL', message: `The join ${failed.state}.` }) : callError;
  useEffect(() => {
    if (task?.state !== 'succeeded') return;
    setSwarmStatus(task.result as SwarmStatus);
    onClose();
  }, [task, setSwarmStatus, onClose]);
  const fields = error ? joinProblem(error) : {};
  const tokenShape =
    token.trim() && !TOKEN.test(token.trim())
      ? 'A join token looks like SWMTKN-1-…-… (run "docker swarm join-token worker" on a manager).'
      : undefined;

  const submit = async () => {
    setStarting(true);
    setError(null);
    setTaskId(undefined);
    const r = await client.call('swarm.join', {
      remoteAddrs: [manager.trim()],
      joinToken: token.trim(),
      ...(advertise.trim() ? { advertiseAddr: advertise.trim() } : {}),
      listenAddr: '0.0.0.0:2377',
    });
    setStarting(false);
    if (!r.ok) return setError(r.error);
    setTaskId(r.value.taskId);
  };
  const paste = (text: string) => {
    const found = fromCommand(text);
    if (found.token) setToken(found.token);
    if (found.manager) setManager(found.manager);
    return found.token !== undefined;
  };

  return (
    <FormDialog
      id="swarm-join-title"
      title="Join a swarm"
      submitLabel="Join"
      busy={busy}
      error={error}
      canSubmit={manager.trim() !== '' && token.trim() !== '' && !tokenShape}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField
        label="Manager address"
        value={manager}
        onChange={(e) => setManager(e.target.value)}
        placeholder="192.168.1.10:2377"
        required
        autoFocus
        error={!!fields.manager}
        helperText={fields.manager ?? 'host:port of a manager of the swarm.'}
      />
      <TextField
        label="Join token"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        onPaste={(e) => {
          if (paste(e.clipboardData.getData('text'))) e.preventDefault();
        }}
        required
        error={!!(fields.token ?? tokenShape)}
        helperText={
          fields.token ??
          tokenShape ??
          'From "docker swarm join-token worker" (or manager): the token decides the role. Pasting the whole join command fills both fields.'
        }
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <AddressPicker
        label="Advertise address"
        value={advertise}
        onChange={setAdvertise}
        candidates={addresses.value ?? []}
        helperText="Optional: the address other nodes reach this engine on (needed when it has several)."
      />
      {task?.state === 'running' && <TaskPanel task={task} />}
    </FormDialog>
  );
}
