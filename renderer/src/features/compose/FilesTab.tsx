import { useEffect, useState } from 'react';
import { Alert, Box, Tab, Tabs, Typography } from '@mui/material';
import type { BerthErrorData, ComposeSource } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { KeepMounted, useShownSoFar } from '../../components/KeepMounted';
import { useBerth } from '../../stores/context';
import { FileEditor } from './FileEditor';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The project's compose files: the ones the source names, or (default lookup) the compose files found in the
 * working directory.
 */
function useComposeFiles(source: ComposeSource): { files: string[] } | { error: BerthErrorData } | null {
  const client = useBerth((s) => s.client);
  const [found, setFound] = useState<{ dir: string; result: { files: string[] } | { error: BerthErrorData } } | null>(null);
  const named = source.files.length > 0;
  useEffect(() => {
    if (named) return;
    let current = true;
    void client.call('compose.files.browse', { path: source.workingDir }).then((r) => {
      if (!current) return;
      const dir = source.workingDir.replace(/[\\/]$/, '');
      setFound({
        dir: source.workingDir,
        result: r.ok
          ? { files: r.value.entries.filter((e) => e.type === 'file' && e.isCompose).map((e) => `${dir}/${e.name}`) }
          : { error: r.error },
      });
    });
    return () => {
      current = false;
    };
  }, [client, named, source.workingDir]);
  if (named) return { files: source.files };
  return found?.dir === source.workingDir ? found.result : null;
}

/** `active`: this tab is the one shown (Ctrl/Cmd+S saves its chosen file). */
export function FilesTab({ source, active, onSaved }: { source: ComposeSource; active: boolean; onSaved?: () => void }) {
  const files = useComposeFiles(source);
  const [chosen, setChosen] = useState(0);
  // Every file opened so far stays mounted, so its unsaved draft survives choosing another file.
  const opened = useShownSoFar(chosen);
  if (!files) return null;
  if ('error' in files) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        Could not list the compose files in {source.workingDir}: {files.error.message}
        <ErrorDetails details={files.error.details} />
      </Alert>
    );
  }
  if (files.files.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        No compose file found in {source.workingDir}.
      </Typography>
    );
  }
  const index = Math.min(chosen, files.files.length - 1);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {files.files.length > 1 && (
        <Tabs value={index} onChange={(_e, v: number) => setChosen(v)} aria-label="Compose files" sx={{ px: 2 }}>
          {files.files.map((f) => (
            <Tab key={f} label={baseName(f)} />
          ))}
        </Tabs>
      )}
      {files.files.map((f, n) =>
        opened.has(n) || n === index ? (
          <KeepMounted key={f} shown={n === index}>
            <FileEditor path={f} workingDir={source.workingDir} active={active && n === index} onSaved={onSaved} />
          </KeepMounted>
        ) : null,
      )}
    </Box>
  );
}
