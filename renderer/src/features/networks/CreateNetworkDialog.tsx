import { useState } from 'react';
import {
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import type { BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { nameProblem, parseKeyValues } from '../../components/keyValues';
import { useBerth } from '../../stores/context';

type Driver = 'bridge' | 'overlay' | 'macvlan';
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;

/** Create a network; syntax is checked here, the rest (gateway in subnet, overlaps, swarm) by the backend. */
export function CreateNetworkDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState<Driver>('bridge');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [ipRange, setIpRange] = useState('');
  const [parent, setParent] = useState('');
  const [internal, setInternal] = useState(false);
  const [attachable, setAttachable] = useState(false);
  const [labels, setLabels] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);

  const nameError = name ? nameProblem(name) : null;
  const subnetError =
    subnet && !CIDR.test(subnet.trim()) ? 'Write the subnet in CIDR form, e.g. 172.30.0.0/16.' : null;
  const rangeError =
    ipRange && !CIDR.test(ipRange.trim()) ? 'Write the range in CIDR form, e.g. 172.30.5.0/24.' : null;
  const parsedLabels = parseKeyValues(labels, 'labels');
  const field = (error?.details as { field?: string } | undefined)?.field;
  const invalid = !name || !!nameError || !!subnetError || !!rangeError || 'error' in parsedLabels;

  const submit = async () => {
    if (invalid || 'error' in parsedLabels) return;
    setBusy(true);
    setError(null);
    const result = await client.call('networks.create', {
      name,
      driver,
      ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
      ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
      ...(ipRange.trim() ? { ipRange: ipRange.trim() } : {}),
      internal,
      attachable,
      labels: parsedLabels.values,
      options: driver === 'macvlan' && parent.trim() ? { parent: parent.trim() } : {},
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Dialog
      open
      onClose={() => !busy && onClose()}
      aria-labelledby="create-network-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="create-network-title">Create network</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {/* First in the form: the form is taller than the dialog, and an error below the fold goes unseen. */}
          <ErrorAlert error={error} />
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={!!nameError}
            helperText={nameError}
            required
            autoFocus
          />
          <TextField
            select
            label="Driver"
            value={driver}
            onChange={(e) => setDriver(e.target.value as Driver)}
          >
            <MenuItem value="bridge">bridge: containers on this engine</MenuItem>
            <MenuItem value="overlay">overlay: across swarm nodes (needs swarm mode)</MenuItem>
            <MenuItem value="macvlan">macvlan: containers appear on the host's network</MenuItem>
          </TextField>
          {driver === 'macvlan' && (
            <TextField
              label="Parent interface"
              value={parent}
              onChange={(e) => setParent(e.target.value)}
              placeholder="eth0"
              helperText="The host interface to attach to."
            />
          )}
          <TextField
            label="Subnet"
            value={subnet}
            onChange={(e) => setSubnet(e.target.value)}
            placeholder="172.30.0.0/16"
            error={!!subnetError || field === 'subnet'}
            helperText={subnetError ?? 'Optional: the engine picks a free one when empty.'}
          />
          <TextField
            label="Gateway"
            value={gateway}
            onChange={(e) => setGateway(e.target.value)}
            placeholder="172.30.0.1"
            error={field === 'gateway'}
            disabled={!subnet}
          />
          <TextField
            label="IP range"
            value={ipRange}
            onChange={(e) => setIpRange(e.target.value)}
            placeholder="172.30.5.0/24"
            error={!!rangeError || field === 'ipRange'}
            helperText={rangeError ?? 'Optional: where container addresses are taken from.'}
            disabled={!subnet}
          />
          <FormControlLabel
            control={<Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} />}
            label="Internal: no access to the outside world"
          />
          <FormControlLabel
            control={<Checkbox checked={attachable} onChange={(e) => setAttachable(e.target.checked)} />}
            label="Attachable: standalone containers may join (overlay)"
          />
          <TextField
            label="Labels"
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            multiline
            minRows={2}
            error={'error' in parsedLabels}
            helperText={'error' in parsedLabels ? parsedLabels.error : 'One key=value per line (optional).'}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={() => void submit()}
          disabled={busy || invalid}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          Create
        </Button>
      </DialogActions>
    </Dialog>
  );
}
