import { useState } from 'react';
import { Alert, TextField } from '@mui/material';
import type { BerthErrorData, SwarmNode } from '../../../api/contract';
import { parseKeyValues } from '../../../components/keyValues';
import { CheckOption, DangerDialog } from '../../../components/DangerDialog';
import { useBerth } from '../../../stores/context';
import { FormDialog } from '../overview/FormDialog';

/** Runs one node call with the dialog's busy/error state; closes on success. */
function useNodeCall(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: BerthErrorData }>) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) onClose();
    else setError(r.error);
  };
  return { busy, error, run };
}

/** Promote or demote: changes who controls the swarm, so it is confirmed with what it does to the quorum. */
export function RoleDialog({
  node,
  to,
  managers,
  onClose,
}: {
  node: SwarmNode;
  to: 'manager' | 'worker';
  managers: number;
  onClose: () => void;
}) {
  const client = useBerth((s) => s.client);
  const { busy, error, run } = useNodeCall(onClose);
  const promote = to === 'manager';
  const after = promote ? managers + 1 : managers - 1;
  return (
    <DangerDialog
      id="node-role-title"
      title={promote ? `Promote ${node.hostname} to manager?` : `Demote ${node.hostname} to worker?`}
      lost={
        promote
          ? `It takes part in the raft quorum: with ${after} managers, ${Math.floor(after / 2) + 1} must stay reachable. An even number of managers adds no fault tolerance.`
          : after < 1
            ? 'This is the last manager: the swarm cannot be managed without one.'
            : `${after} managers remain; ${Math.floor(after / 2) + 1} of them must stay reachable.${node.leader ? ' This node is the leader: a new one is elected.' : ''}`
      }
      confirmLabel={promote ? 'Promote' : 'Demote'}
      busy={busy}
      error={error}
      onConfirm={() => void run(() => client.call('nodes.update', { id: node.id, role: to }))}
      onCancel={onClose}
    />
  );
}

/** `docker node rm [--force]`: force is needed unless the node is down. */
export function RemoveNodeDialog({ node, onClose }: { node: SwarmNode; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const runAction = useBerth((s) => s.swarmNodes.runAction);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const needsForce = node.state !== 'down';
  const [force, setForce] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('nodes.remove', { id: node.id, force: needsForce && force });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    // The list drops the row now; its removal event follows.
    void runAction(node.id, 'remove', () => Promise.resolve(r));
    onClose();
  };
  return (
    <DangerDialog
      id="remove-node-title"
      title={`Remove node ${node.hostname}?`}
      lost={`The swarm forgets ${node.hostname}; its tasks are rescheduled on other nodes. To come back it must leave and join again.`}
      confirmLabel={needsForce ? 'Force remove' : 'Remove node'}
      busy={busy}
      error={error}
      canConfirm={!needsForce || force}
      onConfirm={() => void remove()}
      onCancel={onClose}
    >
      {needsForce && (
        <>
          <Alert severity="warning" sx={{ my: 1 }}>
            {node.hostname} is {node.state}, not down: drain it and run "docker swarm leave" on it first, or
            force the removal (its engine keeps running the tasks it has until it notices).
            {node.role === 'manager' && ' It is a manager: demote it first, or the quorum may break.'}
          </Alert>
          <CheckOption
            checked={force}
            onChange={setForce}
            label="Force: remove although the node is not down"
          />
        </>
      )}
    </DangerDialog>
  );
}

/** Replaces the node's labels (the ones placement constraints read as node.labels.<key>). */
export function LabelsDialog({ node, onClose }: { node: SwarmNode; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const { busy, error, run } = useNodeCall(onClose);
  const [text, setText] = useState(() =>
    Object.entries(node.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const parsed = parseKeyValues(text, 'labels');
  return (
    <FormDialog
      id="node-labels-title"
      title={`Labels of ${node.hostname}`}
      submitLabel="Save labels"
      busy={busy}
      error={error}
      canSubmit={!('error' in parsed)}
      onSubmit={() => {
        if (!('error' in parsed))
          void run(() => client.call('nodes.update', { id: node.id, labels: parsed.values }));
      }}
      onClose={onClose}
    >
      <TextField
        label="Labels"
        value={text}
        onChange={(e) => setText(e.target.value)}
        multiline
        minRows={4}
        autoFocus
        error={'error' in parsed}
        helperText={
          'error' in parsed
            ? parsed.error
            : 'One key=value per line; services place tasks with node.labels.<key>==<value>.'
        }
      />
    </FormDialog>
  );
}
