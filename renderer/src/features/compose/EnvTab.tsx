import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import { CodeEditor } from '../../components/editor/CodeEditor';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useSaveShortcut } from '../../components/unsaved/useSaveShortcut';
import { useBerth } from '../../stores/context';
import { ConflictDialog } from './ConflictDialog';
import { addEntry, entriesOf, envProblem, parseEnv, removeEntry, serializeEnv, setEntry, VALID_KEY } from './envModel';
import { useDocument, type DocumentIO } from './useDocument';

/**
 * The project's .env (the variables compose interpolates into the files): a table of rows, or the raw text.
 * `active`: the tab is shown, so Ctrl/Cmd+S saves it.
 */
export function EnvTab({ workingDir, active, onSaved }: { workingDir: string; active: boolean; onSaved?: () => void }) {
  const client = useBerth((s) => s.client);
  const [mode, setMode] = useState<'table' | 'raw'>('table');
  const [exists, setExists] = useState<boolean | null>(null);
  const io = useMemo<DocumentIO>(
    () => ({
      key: workingDir,
      label: '.env',
      load: async () => {
        const r = await client.call('compose.env.read', { workingDir });
        if (r.ok) setExists(r.value.exists);
        return r;
      },
      save: async (content, expectedMtime) => {
        const r = await client.call('compose.env.write', { workingDir, content, ...(expectedMtime !== undefined ? { expectedMtime } : {}) });
        if (r.ok) setExists(true);
        return r;
      },
    }),
    [client, workingDir],
  );
  const { doc, dirty, setDraft, save, overwrite, reload, dismissConflict } = useDocument(io, onSaved);
  const canSave = dirty && doc.phase === 'ready' && !doc.saving && envProblem(parseEnv(doc.draft)) === null;
  useSaveShortcut(active, () => canSave && void save());

  if (doc.phase === 'loading') {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 1, p: 2, alignItems: 'center' }}>
        <CircularProgress size={16} /> Reading .env…
      </Box>
    );
  }
  if (doc.phase === 'failed') {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        Could not read the .env file: {doc.error.message}
        <ErrorDetails details={doc.error.details} />
      </Alert>
    );
  }
  const lines = parseEnv(doc.draft);
  const entries = entriesOf(lines);
  const problem = envProblem(lines);
  const update = (next: ReturnType<typeof parseEnv>) => setDraft(serializeEnv(next));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1 }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', flex: 1 }} noWrap>
          {workingDir.replace(/[\\/]$/, '')}/.env{exists === false && ' (does not exist yet: saving creates it)'}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_e, v: 'table' | 'raw' | null) => v && setMode(v)} aria-label="Editing mode">
          <ToggleButton value="table">Variables</ToggleButton>
          <ToggleButton value="raw">Raw text</ToggleButton>
        </ToggleButtonGroup>
        {dirty && <Chip size="small" label="unsaved changes" />}
        <Button size="small" variant="contained" startIcon={<SaveIcon />} disabled={!canSave} onClick={() => void save()}>
          {doc.saving ? 'Saving…' : 'Save'}
        </Button>
      </Box>
      {problem && dirty && (
        <Alert severity="warning" sx={{ mx: 2, mb: 1 }}>
          {problem}
        </Alert>
      )}
      {doc.saveError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not save .env: {doc.saveError.message}
          <ErrorDetails details={doc.saveError.details} />
        </Alert>
      )}
      {mode === 'raw' ? (
        <Box sx={{ flex: 1, minHeight: 240, borderTop: 1, borderColor: 'divider' }}>
          <CodeEditor value={doc.draft} onChange={setDraft} language="ini" path={`${workingDir}/.env`} ariaLabel=".env" />
        </Box>
      ) : (
        <Box sx={{ px: 2, overflow: 'auto' }}>
          <Table size="small" aria-label="Environment variables">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '35%' }}>Name</TableCell>
                <TableCell>Value</TableCell>
                <TableCell sx={{ width: 48 }} />
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((e, n) => (
                <TableRow key={e.index}>
                  <TableCell>
                    <TextField
                      size="small"
                      fullWidth
                      value={e.key}
                      error={e.key !== '' && !VALID_KEY.test(e.key)}
                      onChange={(ev) => update(setEntry(lines, e.index, { key: ev.target.value }))}
                      slotProps={{ htmlInput: { 'aria-label': `Name of variable ${n + 1}`, spellCheck: false } }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      fullWidth
                      value={e.value}
                      onChange={(ev) => update(setEntry(lines, e.index, { value: ev.target.value }))}
                      slotProps={{ htmlInput: { 'aria-label': `Value of ${e.key || `variable ${n + 1}`}`, spellCheck: false } }}
                    />
                  </TableCell>
                  <TableCell>
                    <IconButton size="small" aria-label={`Remove ${e.key || `variable ${n + 1}`}`} onClick={() => update(removeEntry(lines, e.index))}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {entries.length === 0 && (
            <Typography color="text.secondary" variant="body2" sx={{ py: 1.5 }}>
              No variables yet. Values set here are interpolated into the compose files as ${'{NAME}'}.
            </Typography>
          )}
          <Button size="small" startIcon={<AddIcon />} onClick={() => update(addEntry(lines))} sx={{ my: 1 }}>
            Add variable
          </Button>
        </Box>
      )}
      {doc.conflict && (
        <ConflictDialog fileName=".env" onCancel={dismissConflict} onReload={() => void reload()} onOverwrite={() => void overwrite()} />
      )}
    </Box>
  );
}
