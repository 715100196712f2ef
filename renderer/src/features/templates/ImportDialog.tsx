import { useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Tab, Tabs, TextField, Typography } from '@mui/material';
import type { BerthErrorData, MethodInput, TemplateImportResult } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { ImportReport } from './ImportReport';

type Kind = 'paste' | 'file' | 'url' | 'run';
type Source = MethodInput<'templates.import'>['source'];

const kinds: { id: Kind; label: string }[] = [
  { id: 'paste', label: 'Paste' },
  { id: 'file', label: 'File' },
  { id: 'url', label: 'URL' },
  { id: 'run', label: 'docker run' },
];

/** A file's text through FileReader (every browser, and jsdom in tests). */
function readText(f: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(f);
  });
}

/**
 * Imports templates into the library from pasted text (Portainer list, .pmx, compose YAML), a file read by the
 * browser, a URL the backend fetches, or a docker run line. "Check" runs the import as a dry run and shows what
 * would be created, replaced or not converted; "Import" then writes it. Entries whose name the library already
 * has are not replaced unless the user confirms overwriting them.
 */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const client = useBerth((s) => s.client);
  const [kind, setKind] = useState<Kind>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [url, setUrl] = useState('');
  const [run, setRun] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [result, setResult] = useState<TemplateImportResult | null>(null);
  // The input the shown report is about: a changed input needs a new check before it is imported.
  const [reportFor, setReportFor] = useState<string | null>(null);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);

  const source = (): Source | string => {
    if (kind === 'paste') return text.trim() ? { text } : 'Paste a Portainer list, a .pmx file or a compose file first.';
    if (kind === 'file') return file ? { text: file.text, fileName: file.name } : 'Choose a file first.';
    if (kind === 'url') return /^https?:\/\/\S+$/i.test(url.trim()) ? { url: url.trim() } : 'Enter an http:// or https:// address.';
    return run.trim() ? { dockerRun: run.trim() } : 'Enter a docker run command line.';
  };
  const dirty = text !== '' || file !== null || url !== '' || run !== '';

  const inputKey = JSON.stringify([kind, text, file, url, run, name.trim()]);
  const current = result !== null && reportFor === inputKey;
  const checked = current && result.dryRun === true;
  const done = current && !result.dryRun;

  const submit = async (mode: 'check' | 'import' | 'overwrite') => {
    const s = source();
    if (typeof s === 'string') {
      setError({ code: 'INVALID_ARGUMENT', message: s });
      return;
    }
    setBusy(true);
    setError(null);
    const r = await client.call('templates.import', {
      source: s,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(mode === 'overwrite' ? { overwrite: true } : {}),
      ...(mode === 'check' ? { dryRun: true } : {}),
    });
    setBusy(false);
    setConfirmOverwrite(false);
    if (!r.ok) return setError(r.error);
    setResult(r.value);
    setReportFor(inputKey);
    if (!r.value.dryRun && r.value.imported.length > 0) onImported();
  };

  const readFile = async (f: File | undefined) => {
    setError(null);
    if (!f) return setFile(null);
    if (f.size > 4_000_000) return setError({ code: 'INVALID_ARGUMENT', message: `${f.name} is ${Math.round(f.size / 1e6)} MB; a template file may be at most 4 MB.` });
    try {
      setFile({ name: f.name, text: await readText(f) });
    } catch (err) {
      setError({ code: 'INVALID_ARGUMENT', message: `${f.name} could not be read: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const existing = current ? result.problems.filter((p) => p.existing) : [];
  return (
    <Dialog
      open
      onClose={(_e, reason) => (dirty && !done && reason !== undefined ? undefined : onClose())}
      maxWidth="md"
      fullWidth
      aria-labelledby="import-templates-title"
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (!done) void submit(checked ? 'import' : 'check');
        }}
      >
        <DialogTitle id="import-templates-title">Import templates</DialogTitle>
        <DialogContent>
          <Tabs value={kind} onChange={(_e, v: Kind) => setKind(v)} aria-label="Import from" sx={{ mb: 2 }}>
            {kinds.map((k) => (
              <Tab key={k.id} value={k.id} label={k.label} />
            ))}
          </Tabs>
          {kind === 'paste' && (
            <TextField
              label="Template text"
              helperText="A Portainer template list (v1, 1.20, v2 or v3 JSON), a Panamax .pmx file, or a compose file."
              multiline
              minRows={8}
              maxRows={16}
              fullWidth
              value={text}
              onChange={(e) => setText(e.target.value)}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
            />
          )}
          {kind === 'file' && (
            <>
              <Button component="label" variant="outlined">
                Choose a file…
                <input hidden type="file" accept=".json,.pmx,.yaml,.yml,application/json,text/yaml" aria-label="Template file" onChange={(e) => void readFile(e.target.files?.[0])} />
              </Button>
              <Typography variant="body2" sx={{ mt: 1 }}>
                {file ? `${file.name} (${file.text.length.toLocaleString()} characters)` : 'A .json Portainer list, a .pmx file or a compose .yaml file.'}
              </Typography>
            </>
          )}
          {kind === 'url' && (
            <TextField label="Address" fullWidth value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/templates.json" helperText="Berth fetches it once (up to 4 MB). To keep a list up to date, add it as a remote catalog instead." />
          )}
          {kind === 'run' && (
            <TextField label="docker run command" fullWidth multiline minRows={2} value={run} onChange={(e) => setRun(e.target.value)} placeholder="docker run -d -p 8080:80 -e TZ nginx:1.27" slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }} />
          )}
          <TextField
            label="Name in the library (optional)"
            size="small"
            value={name}
            onChange={(e) => setName(e.target.value)}
            helperText="For a single template; otherwise each keeps the name it has."
            sx={{ mt: 2, width: 360 }}
          />
          <ErrorAlert error={error} sx={{ mt: 1 }} />
          {current && <ImportReport result={result} />}
          {existing.length > 0 && !done && (
            <Alert
              severity="info"
              sx={{ mt: 1 }}
              action={
                <Button color="inherit" size="small" onClick={() => setConfirmOverwrite(true)}>
                  Overwrite…
                </Button>
              }
            >
              Your library already has {existing.map((p) => p.existing).join(', ')}. Import replacing {existing.length === 1 ? 'it' : 'them'}?
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
          {!done && (
            <Button
              type="submit"
              variant="contained"
              disabled={busy || (checked && result.imported.length === 0)}
              startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {checked ? `Import ${result.imported.length === 1 ? '1 template' : `${result.imported.length} templates`}` : 'Check'}
            </Button>
          )}
        </DialogActions>
      </form>
      {confirmOverwrite && (
        <DangerDialog
          id="overwrite-templates"
          title={`Replace ${existing.length} ${existing.length === 1 ? 'template' : 'templates'} in your library?`}
          lost={`The current files of ${existing.map((p) => p.existing).join(', ')} are replaced by the imported ones; changes you made to them are lost.`}
          confirmLabel="Overwrite"
          busy={busy}
          onConfirm={() => void submit('overwrite')}
          onCancel={() => setConfirmOverwrite(false)}
        />
      )}
    </Dialog>
  );
}
