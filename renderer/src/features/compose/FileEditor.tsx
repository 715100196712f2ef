import { useCallback, useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { CodeEditor } from '../../components/editor/CodeEditor';
import { ProblemList } from '../../components/editor/ProblemList';
import type { EditorMarker, EditorReveal } from '../../components/editor/types';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useSaveShortcut } from '../../components/unsaved/useSaveShortcut';
import { useBerth } from '../../stores/context';
import { ConflictDialog } from './ConflictDialog';
import { useDocument, type DocumentIO } from './useDocument';
import { useComposeValidation } from './useValidation';

interface Props {
  path: string;
  workingDir: string;
  /** The editor is the one shown: Ctrl/Cmd+S saves it. */
  active: boolean;
  /** After each successful save (e.g. to clear an error about the old text). */
  onSaved?: () => void;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** One compose file in the editor: schema completion, inline validation, Save (or Ctrl/Cmd+S) with conflict detection. */
export function FileEditor({ path, workingDir, active, onSaved }: Props) {
  const client = useBerth((s) => s.client);
  const io = useMemo<DocumentIO>(
    () => ({
      key: path,
      label: baseName(path),
      load: () => client.call('compose.files.read', { path }),
      save: (content, expectedMtime) => client.call('compose.files.write', { path, content, ...(expectedMtime !== undefined ? { expectedMtime } : {}) }),
    }),
    [client, path],
  );
  const { doc, dirty, setDraft, save, overwrite, reload, dismissConflict } = useDocument(io, onSaved);
  const saving = doc.phase === 'ready' && doc.saving;
  useSaveShortcut(active, () => dirty && !saving && void save());
  const name = baseName(path);
  const markers = useComposeValidation(doc.phase === 'ready' ? doc.draft : undefined, name, workingDir);
  const [problems, setProblems] = useState<EditorMarker[]>([]);
  const onProblems = useCallback((p: EditorMarker[]) => setProblems(p), []);
  const [reveal, setReveal] = useState<EditorReveal>();

  if (doc.phase === 'loading') {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 1, p: 2, alignItems: 'center' }}>
        <CircularProgress size={16} /> Reading {name}…
      </Box>
    );
  }
  if (doc.phase === 'failed') {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        Could not read {path}: {doc.error.message}
        <ErrorDetails details={doc.error.details} />
      </Alert>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1 }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', flex: 1 }} noWrap title={path}>
          {path}
        </Typography>
        {dirty && <Chip size="small" label="unsaved changes" />}
        <Button
          size="small"
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={!dirty || doc.saving}
          onClick={() => void save()}
        >
          {doc.saving ? 'Saving…' : 'Save'}
        </Button>
      </Box>
      {doc.saveError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not save {name}: {doc.saveError.message}
          <ErrorDetails details={doc.saveError.details} />
        </Alert>
      )}
      <Box sx={{ flex: 1, minHeight: 240, borderTop: 1, borderBottom: 1, borderColor: 'divider' }}>
        <CodeEditor
          value={doc.draft}
          onChange={setDraft}
          language="yaml"
          schema="compose"
          path={path}
          markers={markers}
          onProblems={onProblems}
          ariaLabel={name}
          reveal={reveal}
        />
      </Box>
      {/* Monaco reports the schema's and Berth's markers together; without it (fallback) Berth's alone. */}
      <ProblemList
        problems={problems.length > 0 ? problems : markers}
        label={`Problems in ${name}`}
        onSelect={(p) => setReveal({ line: p.line, col: p.col, at: Date.now() })}
      />
      {doc.conflict && (
        <ConflictDialog
          fileName={name}
          onCancel={dismissConflict}
          onReload={() => void reload()}
          onOverwrite={() => void overwrite()}
        />
      )}
    </Box>
  );
}
