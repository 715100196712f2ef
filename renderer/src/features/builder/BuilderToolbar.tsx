import { useReactFlow } from '@xyflow/react';
import { Box, Button, Chip, IconButton, Tooltip } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import RedoIcon from '@mui/icons-material/Redo';
import AccountTreeIcon from '@mui/icons-material/AccountTreeOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import NoteAddIcon from '@mui/icons-material/NoteAddOutlined';
import { useMayAll } from '../../components/access';
import { useBuilder } from './builderStore';
import type { LibraryMode } from './LibraryDialog';
import { modelOfDocument } from './model/derive';
import { autoLayout } from './model/layout';
import { setLayout } from './model/edits';
import type { NodeKind } from './model/types';

interface Props {
  dirty: boolean;
  yamlShown: boolean;
  onToggleYaml: () => void;
  onLibrary: (mode: LibraryMode) => void;
  onNew: () => void;
}

/** Writes the text as a browser download. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BuilderToolbar({ dirty, yamlShown, onToggleYaml, onLibrary, onNew }: Props) {
  const canUndo = useBuilder((s) => s.history.past.length > 0);
  const canRedo = useBuilder((s) => s.history.future.length > 0);
  const undo = useBuilder((s) => s.undo);
  const redo = useBuilder((s) => s.redo);
  const edit = useBuilder((s) => s.edit);
  const empty = useBuilder((s) => s.model.services.length === 0);
  const invalid = useBuilder((s) => s.syntaxError !== undefined);
  const { fitView } = useReactFlow();
  const layout = () => {
    edit((doc) => {
      const all = autoLayout(modelOfDocument(doc), true);
      setLayout(doc, (Object.keys(all) as NodeKind[]).flatMap((kind) => Object.entries(all[kind]).map(([name, position]) => ({ kind, name, position }))));
    });
    // Once the canvas has the new positions, show all of it.
    requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
  };
  const text = useBuilder((s) => s.text);
  const markSaved = useBuilder((s) => s.markSaved);
  const maySave = useMayAll('templates.import');
  const mayDeploy = useMayAll('templates.import', 'templates.deploy');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }} role="toolbar" aria-label="Builder actions">
      {dirty && <Chip size="small" label="unsaved changes" sx={{ mr: 1 }} />}
      <Tooltip title="Undo (Ctrl+Z)">
        <span>
          <IconButton aria-label="Undo" onClick={undo} disabled={!canUndo}>
            <UndoIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Redo (Ctrl+Shift+Z)">
        <span>
          <IconButton aria-label="Redo" onClick={redo} disabled={!canRedo}>
            <RedoIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Button size="small" startIcon={<AccountTreeIcon />} onClick={layout} disabled={empty || invalid}>
        Auto layout
      </Button>
      <Button size="small" onClick={onToggleYaml} aria-pressed={yamlShown}>
        {yamlShown ? 'Hide YAML' : 'Show YAML'}
      </Button>
      <Box sx={{ flex: 1 }} />
      <Button size="small" startIcon={<NoteAddIcon />} onClick={onNew}>
        New
      </Button>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={empty}
        onClick={() => {
          download(text, 'compose.yaml');
          markSaved();
        }}
      >
        Export compose.yaml
      </Button>
      {maySave && (
        <Button size="small" startIcon={<SaveIcon />} onClick={() => onLibrary('save')} disabled={empty || invalid}>
          Save as template
        </Button>
      )}
      {mayDeploy && (
        <Button size="small" variant="contained" startIcon={<RocketLaunchIcon />} onClick={() => onLibrary('deploy')} disabled={empty || invalid}>
          Deploy
        </Button>
      )}
    </Box>
  );
}
