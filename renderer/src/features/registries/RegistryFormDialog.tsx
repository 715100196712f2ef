import { useState } from 'react';
import { Alert, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import type { BerthErrorData, RegistryInfo, RegistryPing } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { draftOf, emptyForm, formOf, formProblems, patchOf, type FormState } from './draft';

const noSpell = { htmlInput: { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } };

/** Add a registry (no `saved`) or edit one; "Test connection" pings the draft before anything is saved. */
export function RegistryFormDialog({ saved, onClose }: { saved?: RegistryInfo; onClose: (changed: boolean) => void }) {
  const client = useBerth((s) => s.client);
  const [form, setForm] = useState<FormState>(saved ? formOf(saved) : emptyForm());
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [ping, setPing] = useState<RegistryPing | null>(null);
  const problems = formProblems(form);
  const invalid = Object.keys(problems).length > 0;
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError(null);
    setPing(null);
  };
  const shown = (key: keyof typeof problems, filled: boolean) => (touched || filled ? problems[key] : undefined);

  // Unchanged address and login of a saved registry: test what is stored (its sealed password included).
  const testSaved = saved && !form.password && !form.forgetPassword && !form.ca.trim() && form.url.trim() === saved.url && form.username.trim() === (saved.username ?? '') && form.insecure === saved.insecure;

  const test = async () => {
    setTouched(true);
    if (invalid) return;
    setBusy('test');
    setError(null);
    setPing(null);
    const result = await client.call('registries.test', testSaved ? { id: saved.id } : draftOf(form));
    setBusy(null);
    if (result.ok) setPing(result.value);
    else setError(result.error);
  };

  const save = async () => {
    setTouched(true);
    if (invalid) return;
    setBusy('save');
    setError(null);
    const result = saved ? await client.call('registries.update', patchOf(saved, form)) : await client.call('registries.add', draftOf(form));
    setBusy(null);
    if (result.ok) onClose(true);
    else setError(result.error);
  };

  const title = saved ? `Edit ${saved.name}` : 'Add a registry';
  return (
    <Dialog open onClose={busy ? undefined : () => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="registry-form-title">
      <DialogTitle id="registry-form-title">{title}</DialogTitle>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField autoFocus label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} error={!!shown('name', false)} helperText={shown('name', false) ?? ' '} />
            <TextField
              label="Address"
              value={form.url}
              disabled={saved?.builtIn}
              placeholder="registry.example.com:5000"
              onChange={(e) => set({ url: e.target.value })}
              error={!!shown('url', form.url !== '')}
              helperText={shown('url', form.url !== '') ?? 'https:// is assumed when no scheme is given.'}
              slotProps={noSpell}
            />
            {!saved?.builtIn && (
              <FormControlLabel control={<Checkbox checked={form.insecure} onChange={(e) => set({ insecure: e.target.checked })} />} label="Insecure (HTTP or unverified TLS)" />
            )}
            {form.insecure && (
              <Alert severity="warning">
                Insecure: the login and the images travel without verified encryption, so anyone on the network can read or change them. Use this only for a
                registry on your own machine or a trusted network. The engine must also list it under “insecure-registries” to pull from it.
              </Alert>
            )}
            {!saved?.builtIn && (
              <TextField
                label="CA certificate (PEM)"
                value={form.ca}
                multiline
                minRows={2}
                maxRows={6}
                placeholder={saved?.hasCa ? 'A certificate is stored; paste a new one to replace it' : '-----BEGIN CERTIFICATE-----'}
                onChange={(e) => set({ ca: e.target.value })}
                error={!!shown('ca', form.ca !== '')}
                helperText={shown('ca', form.ca !== '') ?? 'For a registry whose certificate is signed by your own authority.'}
                slotProps={noSpell}
              />
            )}
            <TextField label="User" value={form.username} onChange={(e) => set({ username: e.target.value })} slotProps={noSpell} />
            <TextField
              label="Password"
              type="password"
              value={form.password}
              disabled={form.forgetPassword}
              onChange={(e) => set({ password: e.target.value })}
              error={!!shown('password', form.password !== '')}
              helperText={shown('password', form.password !== '') ?? (saved?.hasPassword ? 'Leave empty to keep the stored password.' : 'Stored encrypted; never shown again.')}
              slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
            />
            {saved?.hasPassword && (
              <FormControlLabel control={<Checkbox checked={form.forgetPassword} onChange={(e) => set({ forgetPassword: e.target.checked, password: '' })} />} label="Forget the stored password" />
            )}
            {ping && (
              <Alert severity="success" role="status">
                Connected{ping.apiVersion ? ` (${ping.apiVersion})` : ''}: {ping.auth === 'none' ? 'no login needed.' : `the ${ping.auth} login works.`}
              </Alert>
            )}
            <ErrorAlert error={error} sx={{ mt: 1 }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void test()} disabled={busy !== null} startIcon={busy === 'test' ? <CircularProgress size={16} /> : undefined} sx={{ mr: 'auto' }}>
            Test connection
          </Button>
          <Button onClick={() => onClose(false)} disabled={busy !== null}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy !== null || (touched && invalid)}>
            {saved ? 'Save' : 'Add'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
