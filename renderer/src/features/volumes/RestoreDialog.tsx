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
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { formatBytes, plural, type BerthErrorData, type VolumeRestoreResult } from '../../api/contract';
import { uploadFile, type UploadProgress } from '../../api/transfers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { nameProblem } from '../../components/keyValues';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useTaskInfo } from '../../components/task/useTaskInfo';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { KeptBackupPicker } from './KeptBackupPicker';
import { RestorePlanNote } from './RestorePlanNote';

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

/**
 * Restores a backup into a volume: one Berth keeps (no download and upload again) or a .tar.gz/.tar from this
 * computer. Says first what the restore will do to the volume (RestorePlanNote), then follows the task.
 */
export function RestoreDialog({ volume, onClose }: Props) {
  const client = useBerth((s) => s.client);
  const volumes = useBerth((s) => s.volumes.items);
  const [name, setName] = useState(volume ?? '');
  const kept = useCall(client, 'volumes.backups.list', {});
  const backups = kept.last ?? [];
  const [chosenSource, setSource] = useState<'kept' | 'file' | null>(null);
  const [chosenFile, setKeptFile] = useState('');
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const task = useTaskInfo(taskId);
  // Until the user picks: this volume's newest backup; with none kept, a file is the only source.
  const source = chosenSource ?? (kept.last?.length === 0 ? 'file' : 'kept');
  const keptFile = chosenFile || ((backups.find((b) => b.volume === name) ?? backups[0])?.file ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [create, setCreate] = useState(volume === undefined);
  const [overwrite, setOverwrite] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [starting, setBusy] = useState(false);
  const [failure, setError] = useState<BerthErrorData | null>(null);
  const [uploaded, setDone] = useState<VolumeRestoreResult | null>(null);
  // A restore of a kept backup runs as a task: its end is the dialog's end.
  const busy = starting || task?.state === 'running';
  const done = uploaded ?? (task?.state === 'succeeded' ? (task.result as VolumeRestoreResult) : null);
  const error = failure ?? (task?.state === 'failed' ? (task.error ?? null) : null);
  const upload = useRef<AbortController | null>(null);
  const nameError = name ? nameProblem(name, 2) : 'Enter the volume to restore into.';

  const restoreKept = async () => {
    if (!keptFile || nameError) return;
    setBusy(true);
    setError(null);
    const r = await client.call('volumes.restoreBackup', { name, file: keptFile, create, overwrite });
    setBusy(false);
    if (r.ok) setTaskId(r.value.taskId);
    else setError(r.error);
  };

  const restore = async () => {
    if (source === 'kept') return restoreKept();
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
            Restored {plural(done.entries, 'file and folder', 'files and folders')} ({formatBytes(done.bytes)}) {modeText[done.mode]}{' '}
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
            <RadioGroup
              row
              aria-label="Restore from"
              value={source}
              onChange={(e) => setSource(e.target.value as 'kept' | 'file')}
            >
              <FormControlLabel value="kept" control={<Radio />} label="A backup Berth keeps" disabled={busy} />
              <FormControlLabel value="file" control={<Radio />} label="A file from this computer" disabled={busy} />
            </RadioGroup>
            {source === 'kept' ? (
              <KeptBackupPicker backups={backups} volume={name} value={keptFile} onChange={setKeptFile} disabled={busy} />
            ) : (
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
            )}
            <RestorePlanNote name={name} valid={!nameError} />
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
              label="Overwrite: restore into a volume that is not empty (as described above)"
            />
            {task && task.state === 'running' && <TaskPanel task={task} />}
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
            <ErrorAlert error={error} />
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
              disabled={busy || (source === 'kept' ? !keptFile : !file) || !!nameError}
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
