import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { ErrorCode, type BerthErrorData, type TemplateImportResult } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { ImportReport } from './ImportReport';

/** A library name from a project name: the template slug rule (lowercase letters, digits, ".", "-", "_"). */
export const slugFor = (project: string): string => project.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 100);
const slugProblem = (s: string) => (/^[a-z0-9][a-z0-9._-]{0,99}$/.test(s) ? undefined : 'Use lowercase letters, digits, ".", "-" and "_", starting with a letter or digit.');

/**
 * Saves a compose project Berth knows the files of as a library template (templates.fromProject). With no
 * project given, the user picks one of the listed projects. A taken name asks before overwriting.
 */
export function SaveProjectDialog({ project, onClose, onSaved }: { project?: string; onClose: () => void; onSaved?: () => void }) {
  const client = useBerth((s) => s.client);
  const projects = useBerth((s) => s.composeProjects.items);
  const names = useMemo(() => Object.keys(projects).sort(), [projects]);
  const [chosen, setChosen] = useState(project ?? names[0] ?? '');
  const [name, setName] = useState(slugFor(project ?? names[0] ?? ''));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [result, setResult] = useState<TemplateImportResult | null>(null);
  const nameProblem = name ? slugProblem(name) : 'A name is required.';

  const save = async (overwrite: boolean) => {
    if (!chosen || nameProblem) return;
    setBusy(true);
    setError(null);
    const r = await client.call('templates.fromProject', { project: chosen, name, ...(title.trim() ? { title: title.trim() } : {}), ...(overwrite ? { overwrite } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setResult(r.value);
    onSaved?.();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="save-project-title">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <DialogTitle id="save-project-title">Save {project ?? 'a project'} as a template</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The project&apos;s compose file goes into your library as a template you can deploy again, share or export. A project deployed from a
            template keeps its parameters; secrets are never written into it.
          </DialogContentText>
          {!project && (
            <TextField select fullWidth label="Project" value={chosen} onChange={(e) => { setChosen(e.target.value); setName(slugFor(e.target.value)); }} sx={{ mb: 2 }} disabled={names.length === 0} helperText={names.length === 0 ? 'No compose projects on this engine yet.' : undefined}>
              {names.map((n) => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField fullWidth label="Template name" value={name} onChange={(e) => setName(e.target.value)} error={Boolean(name) && Boolean(nameProblem)} helperText={nameProblem ?? `Saved as library/${name}`} sx={{ mb: 2 }} />
          <TextField fullWidth label="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} />
          <ErrorAlert error={error} sx={{ mt: 1 }} />
          {error?.code === ErrorCode.CONFLICT && (
            <Alert severity="info" sx={{ mt: 1 }} action={<Button color="inherit" size="small" onClick={() => void save(true)}>Overwrite</Button>}>
              Overwrite library/{name}? Its current file is replaced.
            </Alert>
          )}
          {result && <ImportReport result={result} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          {!result && (
            <Button type="submit" variant="contained" disabled={busy || !chosen || Boolean(nameProblem)} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
              Save template
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
