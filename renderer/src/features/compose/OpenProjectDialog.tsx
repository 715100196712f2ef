import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import type { BerthErrorData, ComposeBrowseResult, ComposeSource } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { ConfigCheckView, useConfigCheck } from './ConfigCheck';
import { FolderBrowser } from './FolderBrowser';
import { navigate, projectHref } from './route';

interface Props {
  onClose: () => void;
}

const isYaml = (path: string) => /\.ya?ml$/i.test(path);
const dirname = (path: string) => path.replace(/[\\/][^\\/]*$/, '') || '/';

/**
 * Opens a compose project from a folder (compose's default file lookup) or a chosen compose file, browsed on
 * the backend's machine or typed in. Shows what the files resolve to, or their problems, before anything runs.
 */
export function OpenProjectDialog({ onClose }: Props) {
  const client = useBerth((s) => s.client);
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<string | undefined>(undefined);
  const [listing, setListing] = useState<ComposeBrowseResult | null>(null);
  const [typed, setTyped] = useState('');
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<BerthErrorData | null>(null);

  // The listed folder is a candidate once it holds a compose file, or a file in it was chosen.
  const workingDir = file ? dirname(file) : listing?.path;
  const hasCompose = file !== undefined || (listing?.entries.some((e) => e.type === 'file' && e.isCompose) ?? false);
  const source = useMemo<ComposeSource | undefined>(
    () => (workingDir && hasCompose ? { workingDir, files: file ? [file] : [] } : undefined),
    [workingDir, hasCompose, file],
  );
  const check = useConfigCheck(source);

  const onListed = useCallback((result: ComposeBrowseResult) => {
    setListing(result);
    setTyped(result.path);
  }, []);

  const goToFolder = (path: string) => {
    setFile(undefined);
    setFolder(path);
  };

  const goToTyped = () => {
    const path = typed.trim();
    if (!path) return;
    if (isYaml(path)) {
      setFolder(dirname(path));
      setFile(path);
    } else goToFolder(path);
  };

  const open = async () => {
    if (!source) return;
    setOpening(true);
    setOpenError(null);
    const result = await client.call('compose.projects.open', { source });
    setOpening(false);
    if (!result.ok) {
      setOpenError(result.error);
      return;
    }
    onClose();
    navigate(projectHref(result.value.name));
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="open-project-title" maxWidth="md" fullWidth>
      <DialogTitle id="open-project-title">Open a compose project</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          Choose the project&apos;s folder (Berth looks for compose.yaml, docker-compose.yml, … and their overrides) or a
          compose file. Paths are on the machine Berth&apos;s engine runs on.
        </Typography>
        <Box
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            goToTyped();
          }}
          sx={{ display: 'flex', gap: 1, my: 1.5 }}
        >
          <TextField
            size="small"
            fullWidth
            label="Folder or compose file"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="/home/you/projects/app"
          />
          <Button type="submit" variant="outlined">
            Go
          </Button>
        </Box>
        <FolderBrowser
          path={folder}
          selectedFile={file}
          onFolder={goToFolder}
          onFile={(path) => setFile(path)}
          onListed={onListed}
        />
        <Box sx={{ mt: 2, minHeight: 48 }}>
          {!source && listing && (
            <Typography variant="body2" color="text.secondary">
              No compose file in {listing.path}. Open a folder with a compose file (shown in bold) or choose a file.
            </Typography>
          )}
          {source && check && <ConfigCheckView check={check} />}
          {openError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              Could not open the project: {openError.message}
              <ErrorDetails details={openError.details} />
            </Alert>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!source || check?.state !== 'valid' || opening} onClick={() => void open()}>
          {opening ? 'Opening…' : 'Open project'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
