import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { formatBytes, type BerthErrorData, type VolumeRestoreResult } from '../../api/contract';
import { uploadFile, type UploadProgress } from '../../api/transfers';
import { ErrorDetails } from '../../components/ErrorDetails';
import { nameProblem } from '../../components/keyValues';
import { useBerth } from '../../stores/context';

interface Props {
  /** The volume to restore into; the person may change it (e.g. to restore into a new volume). */
  volume?: string;
  onClose: () => void;
}

const modeText: Record<VolumeRestoreResult['mode'], string> = {
  created: 'into the new volume',
  filled: 'into the empty volume',
  replaced: 'replacing what was in the volume',
  merged: 'over the files in the volume (it is in use, so files not in the backup were kept)',
};

/** Restores a backup (.tar.gz or .tar) into a volume: pick a file, choose create/overwrite, watch the upload. */
export function RestoreDialog({ volume, onClose }: Props) {
  const client = useBerth((s) => s.client);
  const volumes = useBerth((s) => s.volumes.items);
  const [name, setName] = useState(volume ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [create, setCreate] = useState(volume === undefined);
  const [overwrite, setOverwrite] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [done, setDone] = useState<VolumeRestoreResult | null>(null);
  const upload = useRef<AbortController | null>(null);
  const nameError = name ? nameProblem(name, 2) : 'Enter the volume to restore into.';

  const restore = async () => {
    if (!file || nameError) return;
    setBusy(true);
    setError(null);
    setProgress({ loaded: 0, total: file.size, fraction: 0 });
    const ticket = await client.call('volumes.restoreUpload', { name, create, overwrite, size: file.size });
    upload.current = new AbortController();
    const result = ticket.ok
      ? await uploadFile(client, ticket.value, file, setProgress, { signal: upload.current.signal })
      : ticket;
    upload.current = null;
    setBusy(false);
    setProgress(null);
    if (result.ok) setDone(result.value as VolumeRestoreResult);
    else setError(result.error);
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby="restore-title" maxWidth="sm" fullWidth>
      <DialogTitle id="restore-title">Restore a volume from a backup</DialogTitle>
      <DialogContent>
        {done ? (
          <Alert severity="success">
            Restored {done.entries} files and folders ({formatBytes(done.bytes)}) {modeText[done.mode]}{' '}
            {done.volume}.
          </Alert>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="Volume"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={!!name && !!nameError}
              helperText={name ? nameError : undefined}
              disabled={busy}
            />
            <Button variant="outlined" component="label" disabled={busy}>
              {file
                ? `Backup file: ${file.name} (${formatBytes(file.size)})`
                : 'Choose a backup file (.tar.gz or .tar)…'}
              <input
                hidden
                type="file"
                aria-label="Backup file"
                accept=".gz,.tgz,.tar,application/gzip,application/x-tar"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Button>
            <FormControlLabel
              control={
                <Checkbox checked={create} onChange={(e) => setCreate(e.target.checked)} disabled={busy} />
              }
              label={`Create the volume if it does not exist${name && !nameError && !(name in volumes) ? ` (${name} does not exist now)` : ''}`}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={overwrite}
                  onChange={(e) => setOverwrite(e.target.checked)}
                  disabled={busy}
                />
              }
              label="Overwrite: replace the files in a volume that is not empty"
            />
            {overwrite && (
              <Alert severity="warning">
                Files now in {name || 'the volume'} are replaced by the backup and cannot be recovered. If a
                container uses the volume, files that are not in the backup are kept.
              </Alert>
            )}
            {progress && (
              <div>
                <Typography variant="body2" role="status">
                  {progress.total !== undefined && progress.loaded >= progress.total && progress.total > 0
                    ? `Uploaded ${formatBytes(progress.total)}; checking the archive and writing it into ${name}…`
                    : `Uploading ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}…`}
                </Typography>
                <LinearProgress
                  variant={progress.fraction === undefined ? 'indeterminate' : 'determinate'}
                  value={(progress.fraction ?? 0) * 100}
                  aria-label="Upload progress"
                />
              </div>
            )}
            {error && (
              <Alert severity="error">
                {error.message}
                <ErrorDetails details={error.details} />
              </Alert>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {done ? (
          <Button onClick={onClose} variant="contained">
            Close
          </Button>
        ) : (
          <>
            {/* While uploading, Cancel stops the upload (the restore task is cancelled with it). */}
            <Button onClick={() => (busy ? upload.current?.abort() : onClose())}>Cancel</Button>
            <Button
              variant="contained"
              onClick={() => void restore()}
              disabled={busy || !file || !!nameError}
              startIcon={busy ? <CircularProgress size={16} /> : undefined}
            >
              Restore
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
