import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { formatBytes } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TaskDialogActions } from '../../components/task/TaskDialogActions';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useUploadTask } from '../../components/task/useUploadTask';
import { useBerth } from '../../stores/context';
import { splitNewName } from './TagDialog';

/**
 * Load (a `docker save` archive, names included) or import (a root filesystem tar that becomes a new image):
 * pick a file, upload it with progress, see what was made.
 */
export function ArchiveDialog({ kind, onClose }: { kind: 'load' | 'import'; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const { task, error, starting, start, reset } = useUploadTask(client);
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const split = splitNewName(name);
  const nameProblem = kind === 'import' && name.trim() && 'problem' in split ? split.problem : undefined;
  const canStart = Boolean(file) && (kind === 'load' || (name.trim() !== '' && !('problem' in split)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canStart || !file) return;
    void start(
      () => Promise.resolve(file),
      (blob) =>
        kind === 'load' || 'problem' in split
          ? client.call('images.loadUpload', { size: blob.size })
          : client.call('images.importUpload', { repo: split.repo, tag: split.tag, size: blob.size }),
    );
  };

  const title = kind === 'load' ? 'Load images from an archive' : 'Import a root filesystem';
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="archive-title">
      <DialogTitle id="archive-title">{title}</DialogTitle>
      <form onSubmit={submit} noValidate>
        <DialogContent>
          <DialogContentText gutterBottom>
            {kind === 'load'
              ? 'Choose a .tar made by "docker save" (or Berth\'s Save as archive): its images come back with their names and history.'
              : 'Choose a .tar (or .tar.gz) of a root filesystem: it becomes a one-layer image with the name you give.'}
          </DialogContentText>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
            <Button component="label" variant="outlined" size="small" disabled={task !== undefined}>
              Choose file…
              <input
                hidden
                type="file"
                aria-label="Archive file"
                accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip"
                onChange={(e) => setFile(e.target.files?.[0])}
              />
            </Button>
            <Typography variant="body2" color="text.secondary">
              {file ? `${file.name} (${formatBytes(file.size)})` : 'Nothing chosen'}
            </Typography>
          </Box>
          {kind === 'import' && (
            <TextField
              fullWidth
              label="Image name (repository:tag)"
              value={name}
              disabled={task !== undefined}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(nameProblem)}
              helperText={nameProblem ?? ' '}
            />
          )}
          <ErrorAlert error={error} />
          {task && <TaskPanel task={task} />}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel={kind === 'load' ? 'Load' : 'Import'}
            canStart={canStart}
            starting={starting}
            onClose={onClose}
            onRetry={reset}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
