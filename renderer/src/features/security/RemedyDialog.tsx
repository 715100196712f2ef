import { useState } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, InputAdornment, TextField } from '@mui/material';
import { parseByteSize, remedyChanges, type BerthErrorData, type ContainerAudit, type Finding, type Remedy } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';

interface Props {
  audit: ContainerAudit;
  finding: Finding & { remedy: Remedy };
  onClose: () => void;
  /** After the container was recreated (it has a new ID). */
  onDone?: (newId: string) => void;
}

const MiB = 1024 * 1024;
const FIELD = {
  memory: { label: 'Memory limit', unit: 'MB', hint: 'e.g. 512m or 2g; at least 6m', toText: (n: number) => `${Math.round(n / MiB)}m` },
  cpus: { label: 'CPU limit', unit: 'CPUs', hint: 'e.g. 0.5 or 2', toText: (n: number) => String(n) },
  pidsLimit: { label: 'Process limit', unit: 'processes', hint: 'e.g. 512', toText: (n: number) => String(n) },
} as const;

/** The value typed for a limit remedy, or the reason it cannot be used. */
function parseLimit(field: keyof typeof FIELD, text: string): number | string {
  if (field === 'memory') {
    const bytes = parseByteSize(/^\s*\d+(?:\.\d+)?\s*$/.test(text) ? `${text}m` : text);
    return bytes === undefined ? 'Type a size such as 512m or 1g' : bytes < 6 * MiB ? 'The engine needs at least 6 MB' : bytes;
  }
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) return 'Type a number above 0';
  if (field === 'pidsLimit' && !Number.isInteger(n)) return 'Type a whole number';
  return n;
}

/** "Recreate with the fix": says what happens, asks for a limit where one is needed, runs containers.recreate. */
export function RemedyDialog({ audit, finding, onClose, onDone }: Props) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const { remedy } = finding;
  const field = 'field' in remedy ? remedy.field : undefined;
  const [text, setText] = useState('field' in remedy ? FIELD[remedy.field].toText(remedy.suggested) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const value = field ? parseLimit(field, text) : undefined;
  const invalid = typeof value === 'string' ? value : undefined;

  const run = async () => {
    if (invalid) return;
    setBusy(true);
    setError(null);
    const r = await client.call('containers.recreate', { id: audit.id, changes: remedyChanges(remedy, typeof value === 'number' ? value : undefined) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', `Recreated ${r.value.name}: ${finding.title.toLowerCase()} fixed`);
    onClose();
    onDone?.(r.value.id);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="remedy-title" maxWidth="sm" fullWidth>
      <DialogTitle id="remedy-title">
        {remedy.label}: {audit.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Berth stops {audit.name}, makes a new container with the same name, settings, networks and volumes plus this fix, starts it if it
          was running, and removes the old one only once the new one runs. Files changed inside the container outside volumes are lost. If
          anything fails, the old container comes back as it was.
        </DialogContentText>
        {remedy.confirm && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {remedy.confirm}
          </Alert>
        )}
        {audit.project && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {audit.name} belongs to compose project {audit.project}: the next “compose up” puts the file’s settings back. Change the compose file
            too to keep the fix.
          </Alert>
        )}
        {field && (
          <TextField
            autoFocus
            fullWidth
            label={FIELD[field].label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={invalid !== undefined}
            helperText={invalid ?? FIELD[field].hint}
            slotProps={{ input: { endAdornment: field === 'memory' ? undefined : <InputAdornment position="end">{FIELD[field].unit}</InputAdornment> } }}
          />
        )}
        <ErrorAlert error={error} sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void run()} disabled={busy || invalid !== undefined} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
          {busy ? 'Recreating…' : 'Recreate with the fix'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
