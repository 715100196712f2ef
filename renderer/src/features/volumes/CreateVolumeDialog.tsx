import { useState } from 'react';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import type { BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { nameProblem, parseKeyValues } from '../../components/keyValues';
import { useBerth } from '../../stores/context';

/** Create a volume: name (empty for an engine-chosen one), driver, driver options and labels. */
export function CreateVolumeDialog({ onClose }: { onClose: (created?: string) => void }) {
  const client = useBerth((s) => s.client);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [options, setOptions] = useState('');
  const [labels, setLabels] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);

  const nameError = name ? nameProblem(name, 2) : null;
  const parsedOptions = parseKeyValues(options, 'driver options');
  const parsedLabels = parseKeyValues(labels, 'labels');
  const invalid = nameError !== null || 'error' in parsedOptions || 'error' in parsedLabels || !driver.trim();

  const submit = async () => {
    if (invalid || 'error' in parsedOptions || 'error' in parsedLabels) return;
    setBusy(true);
    setError(null);
    const result = await client.call('volumes.create', {
      ...(name ? { name } : {}),
      driver: driver.trim(),
      driverOpts: parsedOptions.values,
      labels: parsedLabels.values,
    });
    setBusy(false);
    if (result.ok) onClose(result.value.name);
    else setError(result.error);
  };

  return (
    <Dialog
      open
      onClose={() => !busy && onClose()}
      aria-labelledby="create-volume-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="create-volume-title">Create volume</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError !== null}
            helperText={nameError ?? 'Leave empty to let the engine choose a name.'}
            autoFocus
          />
          <TextField
            label="Driver"
            value={driver}
            onChange={(e) => setDriver(e.target.value)}
            helperText="local keeps the data on this engine's disk."
          />
          <TextField
            label="Driver options"
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            multiline
            minRows={2}
            placeholder={'type=nfs\no=addr=10.0.0.2,rw\ndevice=:/export'}
            error={'error' in parsedOptions}
            helperText={'error' in parsedOptions ? parsedOptions.error : 'One key=value per line (optional).'}
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
          <ErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()} disabled={busy}>
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
