import { useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import type { EngineCandidate } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useDeniedReason } from '../../components/access';
import { useBerth } from '../../stores/context';
import { choiceFromPreferred, insecureReason, preferredFromChoice, validatePreferred, type EngineChoice } from './engineChoice';

const valueOf = (c: EngineChoice) => (c.kind === 'candidate' ? `candidate:${c.endpoint}` : c.kind);

function Label({ title, detail }: { title: string; detail?: string }) {
  return (
    <Box sx={{ py: 0.5 }}>
      <Typography variant="body1">{title}</Typography>
      {detail && (
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {detail}
        </Typography>
      )}
    </Box>
  );
}

/**
 * Which engine Berth connects to: automatic, embedded, a discovered one, or a custom URL. The parent keys it
 * on the saved value and the candidates, so the draft restarts when either changes elsewhere.
 */
export function EngineSettings({ preferred, candidates }: { preferred: string; candidates: EngineCandidate[] }) {
  const update = useBerth((s) => s.updateSettings);
  const notify = useBerth((s) => s.notify);
  const [choice, setChoice] = useState<EngineChoice>(() => choiceFromPreferred(preferred, candidates));
  const [customUrl, setCustomUrl] = useState(choice.kind === 'custom' ? choice.url : '');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ message: string; details?: unknown } | null>(null);

  const discovered = candidates.filter((c) => !c.embedded);
  const embedded = candidates.find((c) => c.embedded);
  const effective: EngineChoice = choice.kind === 'custom' ? { kind: 'custom', url: customUrl } : choice;
  const value = preferredFromChoice(effective);
  const invalid = choice.kind === 'custom' ? validatePreferred(value) : null;
  const warning = insecureReason(effective, candidates);
  const changed = value !== preferred;
  // Which engine Berth drives is an admin's choice: other roles see it, read-only.
  const denied = useDeniedReason('settings.update');

  const onSelect = (v: string) => {
    setSaveError(null);
    if (v === 'auto' || v === 'embedded') setChoice({ kind: v });
    else if (v === 'custom') setChoice({ kind: 'custom', url: customUrl });
    else setChoice({ kind: 'candidate', endpoint: v.slice('candidate:'.length) });
  };

  const save = async () => {
    setSaving(true);
    const result = await update({ engine: { preferred: value } });
    setSaving(false);
    if (result.ok) notify('success', 'Engine choice saved. Berth is reconnecting.');
    else setSaveError(result.error);
  };

  return (
    <Box component="section" aria-labelledby="engine-settings-title" sx={{ mb: 4 }}>
      <Typography id="engine-settings-title" variant="h6" component="h2" gutterBottom>
        Engine
      </Typography>
      <RadioGroup aria-labelledby="engine-settings-title" value={valueOf(choice)} onChange={(e) => !denied && onSelect(e.target.value)}>
        <FormControlLabel value="auto" disabled={!!denied} control={<Radio />} label={<Label title="Automatic (recommended)" detail="DOCKER_HOST, the current Docker context, the default sockets, then the embedded engine." />} />
        <FormControlLabel value="embedded" disabled={!!denied} control={<Radio />} label={<Label title="Embedded engine" detail={embedded ? `${embedded.label}: Berth starts and stops it itself.` : 'Berth starts and stops its own engine.'} />} />
        {discovered.map((c) => (
          <FormControlLabel key={c.id} value={`candidate:${c.endpoint}`} disabled={!!denied} control={<Radio />} label={<Label title={c.insecure ? `${c.label} (no TLS)` : c.label} detail={c.endpoint} />} />
        ))}
        <FormControlLabel value="custom" disabled={!!denied} control={<Radio />} label={<Label title="Custom URL" />} />
      </RadioGroup>
      {choice.kind === 'custom' && (
        <TextField
          label="Engine URL"
          placeholder="unix:///var/run/docker.sock"
          value={customUrl}
          onChange={(e) => setCustomUrl(e.target.value)}
          error={customUrl !== '' && invalid !== null}
          helperText={customUrl !== '' && invalid ? invalid : 'unix://, tcp://, ssh:// or npipe:// followed by the address'}
          fullWidth
          sx={{ mt: 1, maxWidth: 560 }}
        />
      )}
      {warning && (
        <Alert severity="warning" sx={{ mt: 2, maxWidth: 720 }}>
          {warning}
        </Alert>
      )}
      {saveError && (
        <Alert severity="error" sx={{ mt: 2, maxWidth: 720 }}>
          Could not save: {saveError.message}
          <ErrorDetails details={saveError.details} />
        </Alert>
      )}
      {denied ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {denied}
        </Typography>
      ) : (
        <Button variant="contained" sx={{ mt: 2 }} disabled={!changed || invalid !== null || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save engine choice'}
        </Button>
      )}
    </Box>
  );
}
