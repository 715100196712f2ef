import { useState } from 'react';
import { Checkbox, FormControlLabel, TextField } from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { issuesOf } from '../errors';
import { AddressPicker } from './AddressPicker';
import { FormDialog } from './FormDialog';

/** `docker swarm init`: this engine becomes the first manager of a new swarm. */
export function InitDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const setSwarmStatus = useBerth((s) => s.setSwarmStatus);
  const addresses = useCall(client, 'swarm.addresses', {});
  const [advertise, setAdvertise] = useState<string | null>(null);
  const [listen, setListen] = useState('0.0.0.0:2377');
  const [pools, setPools] = useState('');
  const [autolock, setAutolock] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const candidates = addresses.value ?? [];
  const preferred = candidates.find((c) => c.preferred)?.address ?? '';
  // The picker shows the preferred address once the candidates arrive, until the user types (null: untouched).
  const advertiseAddr = (advertise ?? preferred).trim();
  const issues = issuesOf(error);
  const advertiseError =
    issues.advertiseAddr ??
    (error && /advertise/i.test(error.message)
      ? 'Choose the address other nodes reach this engine on.'
      : undefined);
  const poolList = pools.split(/[\s,]+/).filter(Boolean);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await client.call('swarm.init', {
      ...(advertiseAddr ? { advertiseAddr } : {}),
      listenAddr: listen.trim(),
      ...(poolList.length ? { defaultAddrPool: poolList } : {}),
      forceNewCluster: false,
      settings: { autolock },
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setSwarmStatus(r.value);
    onClose();
  };

  return (
    <FormDialog
      id="swarm-init-title"
      title="Initialize a swarm"
      submitLabel="Initialize"
      busy={busy}
      error={error}
      canSubmit={listen.trim() !== ''}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <AddressPicker
        label="Advertise address"
        value={advertise ?? preferred}
        onChange={setAdvertise}
        candidates={candidates}
        error={advertiseError}
        helperText={
          addresses.error
            ? `Could not list this engine's addresses (${addresses.error.message}); type one.`
            : 'The address other nodes use to reach this manager (an interface name works too).'
        }
      />
      <TextField
        label="Listen address"
        value={listen}
        onChange={(e) => setListen(e.target.value)}
        error={!!issues.listenAddr}
        helperText={issues.listenAddr ?? 'Where the manager listens for other nodes (port 2377 by default).'}
      />
      <TextField
        label="Overlay address pools"
        value={pools}
        onChange={(e) => setPools(e.target.value)}
        placeholder="10.20.0.0/16"
        error={Object.keys(issues).some((k) => k.startsWith('defaultAddrPool'))}
        helperText="Optional CIDRs for overlay networks, separated by commas (default 10.0.0.0/8)."
      />
      <FormControlLabel
        control={<Checkbox checked={autolock} onChange={(e) => setAutolock(e.target.checked)} />}
        label="Autolock: managers need an unlock key after a restart"
      />
    </FormDialog>
  );
}
