import { useCallback, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { DangerDialog } from '../../components/DangerDialog';
import { ProblemList } from '../../components/editor/ProblemList';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';
import { useRoutePath } from '../../app/useHashRoute';
import { useBerth } from '../../stores/context';
import { useBuilder, useBuilderStore } from './builderStore';
import { BuilderToolbar } from './BuilderToolbar';
import { Canvas } from './Canvas';
import { Inspector } from './Inspector';
import { LibraryDialog, type LibraryMode } from './LibraryDialog';
import { EMPTY_FILE } from './model/document';
import { Palette } from './Palette';
import { useAddPaletteItem, type PaletteItem } from './paletteItems';
import { useBuilderKeys } from './useBuilderKeys';
import { useBuilderProblems } from './useBuilderProblems';
import { YamlPane } from './YamlPane';

/** `#/builder/<template id>` opens that template's compose file; the work in progress is kept otherwise. */
function useTemplateRoute(): { loading: boolean; error?: string } {
  const [templateId] = useRoutePath();
  const client = useBerth((s) => s.client);
  const store = useBuilderStore();
  const [state, setState] = useState<{ id?: string; error?: string }>({});
  useEffect(() => {
    if (!templateId || store.getState().source === templateId) return;
    let current = true;
    void client.call('templates.get', { id: templateId }).then((r) => {
      if (!current) return;
      if (r.ok) store.getState().load(templateId, r.value.compose);
      setState({ id: templateId, error: r.ok ? undefined : `Could not open template ${templateId}: ${r.error.message}` });
    });
    return () => {
      current = false;
    };
  }, [client, store, templateId]);
  const loaded = useBuilder((s) => s.source === templateId);
  return { loading: !!templateId && !loaded && state.id !== templateId, error: state.id === templateId ? state.error : undefined };
}

/** The app builder: palette, canvas, inspector and the compose YAML, kept in sync both ways. */
export function BuilderPage() {
  return (
    <ReactFlowProvider>
      <Builder />
    </ReactFlowProvider>
  );
}

function Builder() {
  const route = useTemplateRoute();
  const dirty = useBuilder((s) => s.text !== s.baseline);
  const source = useBuilder((s) => s.source);
  const load = useBuilder((s) => s.load);
  useUnsavedChanges(dirty, 'App builder');
  const [status, setStatus] = useState<{ message: string; error?: boolean }>();
  const onStatus = useCallback((message: string, error?: boolean) => setStatus({ message, error }), []);
  useBuilderKeys(onStatus);
  const { problems, markers } = useBuilderProblems();
  const [yamlShown, setYamlShown] = useState(true);
  const [library, setLibrary] = useState<LibraryMode>();
  const [confirmNew, setConfirmNew] = useState(false);
  const add = useAddPaletteItem();
  const addItem = useCallback(
    (item: PaletteItem) =>
      add(item).then(
        (m) => onStatus(m),
        (e: unknown) => onStatus(e instanceof Error ? e.message : String(e), true),
      ),
    [add, onStatus],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 2, pt: 1.5, pb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          App builder
        </Typography>
        <Typography variant="body2" color="text.secondary" noWrap>
          {source === 'new' ? 'New app' : source}
        </Typography>
        <Box sx={{ flex: 1 }}>
          <BuilderToolbar dirty={dirty} yamlShown={yamlShown} onToggleYaml={() => setYamlShown((v) => !v)} onLibrary={setLibrary} onNew={() => (dirty ? setConfirmNew(true) : load('new', EMPTY_FILE))} />
        </Box>
      </Box>
      {route.error && <Alert severity="error" sx={{ mx: 2, mb: 1 }}>{route.error}</Alert>}
      {route.loading ? (
        <Box role="status" sx={{ display: 'flex', gap: 1, p: 2 }}>
          <CircularProgress size={16} /> Opening template…
        </Box>
      ) : (
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0, borderTop: 1, borderColor: 'divider' }}>
          <Palette onAdd={(item) => void addItem(item)} />
          <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
            <Canvas problems={problems} onStatus={onStatus} />
            <Typography role="status" aria-live="polite" variant="caption" color={status?.error ? 'error' : 'text.secondary'} sx={{ px: 1.5, py: 0.25, minHeight: 20 }}>
              {status?.message}
            </Typography>
            <ProblemList problems={markers} label="Problems" maxRows={4} />
          </Box>
          <Inspector onStatus={onStatus} />
          {yamlShown && (
            <Box sx={{ width: '30%', minWidth: 260, display: 'flex', borderLeft: 1, borderColor: 'divider' }}>
              <YamlPane markers={markers} />
            </Box>
          )}
        </Box>
      )}
      {library && <LibraryDialog mode={library} onClose={() => setLibrary(undefined)} />}
      {confirmNew && (
        <DangerDialog
          id="builder-new"
          title="Start a new app?"
          lost="The app on the canvas has changes that were not saved, exported or deployed."
          confirmLabel="Discard and start new"
          onConfirm={() => {
            setConfirmNew(false);
            load('new', EMPTY_FILE);
          }}
          onCancel={() => setConfirmNew(false)}
        />
      )}
    </Box>
  );
}
