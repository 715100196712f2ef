import { useMemo, useState } from 'react';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import type { BerthErrorData, NetworkSummary } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { compareText } from '../../components/grid/sort';
import { useBerth } from '../../stores/context';

/** Connects a container to a network, optionally with aliases and a fixed IPv4 address. */
export function ConnectDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const containers = useBerth((s) => s.containers.items);
  const candidates = useMemo(() => {
    const attached = new Set(network.containers.map((c) => c.containerId));
    return Object.values(containers)
      .filter((c) => !attached.has(c.id))
      .sort((a, b) => compareText(a.name, b.name));
  }, [containers, network]);
  const [container, setContainer] = useState('');
  const [aliases, setAliases] = useState('');
  const [ip, setIp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const hasSubnet = network.ipam.some((c) => c.subnet);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const list = aliases.split(/[\s,]+/).filter(Boolean);
    const result = await client.call('networks.connect', {
      network: network.id,
      container,
      ...(list.length ? { aliases: list } : {}),
      ...(ip.trim() ? { ipv4Address: ip.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby="connect-title" maxWidth="sm" fullWidth>
      <DialogTitle id="connect-title">Connect a container to {network.name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label="Container"
            value={container}
            onChange={(e) => setContainer(e.target.value)}
            helperText={
              candidates.length ? undefined : 'Every container is already connected to this network.'
            }
          >
            {candidates.map((c) => (
              <MenuItem key={c.id} value={c.name}>
                {c.name} ({c.state})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Aliases"
            value={aliases}
            onChange={(e) => setAliases(e.target.value)}
            placeholder="db, primary"
            helperText="Other names the container answers to on this network (optional)."
          />
          <TextField
            label="IPv4 address"
            value={ip}
            onChange={(e) => setIp(e.target.value)}
            disabled={!hasSubnet}
            helperText={
              hasSubnet
                ? 'Optional: a fixed address inside the subnet.'
                : 'A fixed address needs a network created with a subnet.'
            }
          />
          <ErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={() => void submit()}
          disabled={busy || !container}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          Connect
        </Button>
      </DialogActions>
    </Dialog>
  );
}
