import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import type { BerthErrorData, SwarmDetails, SwarmSettings } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useUnsavedChanges } from '../../../components/unsaved/useUnsavedChanges';
import { useDeniedReason } from '../../../components/access';
import { useBerth } from '../../../stores/context';
import { issuesOf } from '../errors';

type NumberKey = Exclude<keyof SwarmSettings, 'autolock'>;
type Draft = Record<NumberKey, string> & { autolock: boolean };

const fields: { key: NumberKey; label: string; help: string; min: number; max: number }[] = [
  {
    key: 'taskHistoryLimit',
    label: 'Task history',
    help: 'Old tasks kept per service slot.',
    min: 0,
    max: 1000,
  },
  {
    key: 'certExpiryHours',
    label: 'Certificate expiry (hours)',
    help: 'How long node certificates stay valid.',
    min: 1,
    max: 87_600,
  },
  {
    key: 'heartbeatSeconds',
    label: 'Heartbeat (seconds)',
    help: 'How often nodes report to the managers.',
    min: 1,
    max: 3600,
  },
];

const toDraft = (s: SwarmSettings): Draft => ({
  taskHistoryLimit: String(s.taskHistoryLimit),
  certExpiryHours: String(s.certExpiryHours),
  heartbeatSeconds: String(s.heartbeatSeconds),
  autolock: s.autolock,
});

function problem(text: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'A whole number';
  const n = Number(text);
  return n < min || n > max ? `Between ${min} and ${max}` : undefined;
}

/** The swarm's settings (swarm.update); typed changes are guarded until saved or reset. */
export function SettingsForm({ details, onSaved }: { details: SwarmDetails; onSaved: () => void }) {
  const client = useBerth((s) => s.client);
  const saved = useMemo(() => toDraft(details.settings), [details.settings]);
  const [draft, setDraft] = useState<Draft>(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useUnsavedChanges(dirty, 'the swarm settings');
  const issues = issuesOf(error, 'settings.');
  const problems = Object.fromEntries(fields.map((f) => [f.key, problem(draft[f.key], f.min, f.max)]));
  const invalid = Object.values(problems).some(Boolean);
  // Everyone reads the settings; only an admin changes them (read-only fields, no Save, for other roles).
  const denied = useDeniedReason('swarm.update');

  const save = async () => {
    setBusy(true);
    setError(null);
    const changed: Partial<SwarmSettings> = {};
    for (const f of fields) if (draft[f.key] !== saved[f.key]) changed[f.key] = Number(draft[f.key]);
    if (draft.autolock !== saved.autolock) changed.autolock = draft.autolock;
    const r = await client.call('swarm.update', { settings: changed });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setDraft(toDraft(r.value.settings));
    onSaved();
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      component="form"
      aria-label="Swarm settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && !invalid) void save();
      }}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        Settings
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {fields.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={draft[f.key]}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            error={!!(problems[f.key] ?? issues[f.key])}
            helperText={problems[f.key] ?? issues[f.key] ?? f.help}
            disabled={!!denied}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 240 }}
          />
        ))}
      </Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={draft.autolock}
            disabled={!!denied}
            onChange={(e) => setDraft({ ...draft, autolock: e.target.checked })}
          />
        }
        label="Autolock: managers need the unlock key after a restart"
      />
      {draft.autolock && !saved.autolock && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          After saving, show the unlock key and store it: without it a restarted manager cannot rejoin.
        </Alert>
      )}
      {denied ? (
        <Typography variant="body2" color="text.secondary">
          {denied}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button
            type="submit"
            variant="contained"
            disabled={!dirty || invalid || busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            Save settings
          </Button>
          <Button disabled={!dirty || busy} onClick={() => setDraft(saved)}>
            Reset
          </Button>
        </Box>
      )}
    </Paper>
  );
}
