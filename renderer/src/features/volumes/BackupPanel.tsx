import { useState } from 'react';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import BackupIcon from '@mui/icons-material/Backup';
import DownloadIcon from '@mui/icons-material/Download';
import { formatBytes, type BerthErrorData, type VolumeBackupResult } from '../../api/contract';
import { downloadTicket } from '../../api/transfers';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useTaskAction } from '../../stores/tasksList';
import { useBerth } from '../../stores/context';

/**
 * Backs a volume up as a task (progress in bytes, cancellable, also listed in the tasks panel); when it is done,
 * offers the .tar.gz for download. Each download asks for a fresh one-time link.
 */
export function BackupPanel({ volume }: { volume: string }) {
  const client = useBerth((s) => s.client);
  const [taskId, setTaskId] = useState<string | null>(null);
  const task = useBerth((s) => (taskId ? s.tasks.items[taskId] : undefined));
  const taskAction = useTaskAction();
  const cancel = (id: string) => taskAction(id, 'cancel');
  const [error, setError] = useState<BerthErrorData | null>(null);

  const start = async () => {
    setError(null);
    const r = await client.call('volumes.backup', { name: volume });
    if (r.ok) setTaskId(r.value.taskId);
    else setError(r.error);
  };
  const download = async (file: string) => {
    const r = await client.call('volumes.backupDownload', { file });
    if (r.ok) downloadTicket(client, r.value);
    else setError(r.error);
  };

  const running = task?.state === 'running' || (taskId !== null && !task);
  const result = task?.state === 'succeeded' ? (task.result as VolumeBackupResult) : undefined;
  const shownError = error ?? (task?.state === 'failed' ? task.error : undefined);
  const p = task?.progress;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<BackupIcon />} onClick={() => void start()} disabled={running}>
          Back up
        </Button>
        {running && taskId && (
          <Button onClick={() => void cancel(taskId)} color="inherit">
            Cancel backup
          </Button>
        )}
        {result && (
          <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download(result.file)}>
            Download backup
          </Button>
        )}
      </Box>
      {running && (
        <Box role="status" aria-label="Backup progress">
          <Typography variant="body2">{task?.message ?? 'Starting the backup…'}</Typography>
          <LinearProgress
            variant={p?.fraction === undefined ? 'indeterminate' : 'determinate'}
            value={(p?.fraction ?? 0) * 100}
          />
        </Box>
      )}
      {result && (
        <Typography variant="body2" color="text.secondary">
          Backup ready: {result.file} ({formatBytes(result.bytes)}), kept in Berth's backups folder.
        </Typography>
      )}
      {task?.state === 'cancelled' && (
        <Typography variant="body2">The backup was cancelled; nothing was kept.</Typography>
      )}
      {shownError && (
        <Alert severity="error">
          Backup failed: {shownError.message}
          <ErrorDetails details={shownError.details} />
        </Alert>
      )}
    </Box>
  );
}
