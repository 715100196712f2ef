import { Box } from '@mui/material';
import type { ComposeSource } from '../../api/contract';
import { CodeEditor } from '../../components/editor/CodeEditor';
import { ConfigCheckView, useConfigCheck } from './ConfigCheck';

/** The resolved project as `docker compose config` prints it (merged, interpolated, normalised), read-only. */
export function ConfigTab({ source }: { source: ComposeSource }) {
  const check = useConfigCheck(source);
  if (!check) return null;
  if (check.state !== 'valid') {
    return (
      <Box sx={{ p: 2 }}>
        <ConfigCheckView check={check} />
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ px: 2, pt: 1 }}>
        <ConfigCheckView check={check} />
      </Box>
      <Box sx={{ flex: 1, minHeight: 240, borderTop: 1, borderColor: 'divider' }}>
        <CodeEditor value={check.config.yaml} language="yaml" readOnly path={`${source.workingDir}/resolved-config.yaml`} ariaLabel="Resolved configuration" />
      </Box>
    </Box>
  );
}
