import { useState } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, TextField } from '@mui/material';
import { plural, type BerthErrorData, type TemplateImportProblem, type TemplateOrigin } from '../../api/contract';
import { CheckOption } from '../../components/DangerDialog';
import { downloadText } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';

const originNames: Record<TemplateOrigin, string> = { builtin: 'Built-in templates', library: 'My library', catalog: 'Remote catalogs' };

/** Exports templates as a Portainer v3 list (a JSON download) and names what the list could not carry. */
export function ExportCatalogDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [origins, setOrigins] = useState<TemplateOrigin[]>(['library']);
  const [repo, setRepo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [problems, setProblems] = useState<TemplateImportProblem[] | null>(null);

  const run = async () => {
    if (repo.trim() && !/^https?:\/\/\S+$/i.test(repo.trim())) return setError({ code: 'INVALID_ARGUMENT', message: 'The repository address must start with http:// or https://.' });
    setBusy(true);
    setError(null);
    const r = await client.call('templates.exportCatalog', { origins, ...(repo.trim() ? { repositoryUrl: repo.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    downloadText('templates.json', r.value.json, 'application/json');
    setProblems(r.value.problems);
  };
  const toggle = (o: TemplateOrigin, on: boolean) => setOrigins((all) => (on ? [...all, o] : all.filter((x) => x !== o)));

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="export-catalog-title">
      <DialogTitle id="export-catalog-title">Export as a Portainer list</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Saves a Portainer v3 template list (templates.json). One-service templates become container templates; others are compose stacks, which
          Portainer reads from a git repository: give the address where you will push the exported template folders.
        </DialogContentText>
        {(Object.keys(originNames) as TemplateOrigin[]).map((o) => (
          <CheckOption key={o} checked={origins.includes(o)} onChange={(on) => toggle(o, on)} label={originNames[o]} />
        ))}
        <TextField fullWidth size="small" label="Git repository address (optional)" value={repo} onChange={(e) => setRepo(e.target.value)} sx={{ mt: 1 }} />
        <ErrorAlert error={error} sx={{ mt: 1 }} />
        {problems && (
          <Alert severity={problems.length ? 'warning' : 'success'} sx={{ mt: 2 }}>
            Saved templates.json.{problems.length ? ` ${plural(problems.length, 'template is', 'templates are')} not in it:` : ''}
            {problems.length > 0 && (
              <List dense aria-label="Not exported">
                {problems.map((p, i) => (
                  <ListItem key={i} disableGutters>
                    <ListItemText primary={p.item} secondary={p.message} />
                  </ListItem>
                ))}
              </List>
            )}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" disabled={busy || origins.length === 0} onClick={() => void run()} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
          Export
        </Button>
      </DialogActions>
    </Dialog>
  );
}
