import { Alert, Box } from '@mui/material';
import { CodeEditor } from '../../components/editor/CodeEditor';
import type { EditorMarker } from '../../components/editor/types';
import { useBuilder } from './builderStore';

/** The compose file beside the canvas: typing here re-derives the canvas; invalid YAML leaves it as it was. */
export function YamlPane({ markers }: { markers: EditorMarker[] }) {
  const text = useBuilder((s) => s.text);
  const setText = useBuilder((s) => s.setText);
  const syntaxError = useBuilder((s) => s.syntaxError);
  return (
    // `nokey`: the canvas's own keys (Space pans, Backspace deletes the selection) must not fire while typing here.
    <Box component="section" aria-label="Compose YAML" className="nokey" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      {syntaxError && (
        <Alert severity="error" sx={{ borderRadius: 0, py: 0 }}>
          Line {syntaxError.line}, column {syntaxError.col}: {syntaxError.message}. The canvas shows the last valid version.
        </Alert>
      )}
      <Box sx={{ flex: 1, minHeight: 200 }}>
        <CodeEditor value={text} onChange={(t) => setText(t, 'yaml')} language="yaml" schema="compose" path="/berth/builder/compose.yaml" markers={markers} ariaLabel="compose.yaml" />
      </Box>
    </Box>
  );
}
