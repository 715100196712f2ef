import { useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { formatTime, plural, type BerthErrorData, type ImageAudit } from '../../../api/contract';
import { useMay } from '../../../components/access';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { TaskPanel } from '../../../components/task/TaskPanel';
import { useBerth } from '../../../stores/context';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
/** The scan task's title ends with the image's short ID, so a reloaded page finds a scan still running. */
const isScanOf = (id: string) => (t: { kind: string; title: string; state: string }) =>
  t.kind === 'security.scanImage' && t.title.endsWith(`(${shortId(id)})`);

/**
 * CIS 4.8 needs the image's files: an explicit action (operators and admins), run as a task with progress and
 * Cancel. The result joins the image's findings through `security.images.changed`.
 */
export function DeepScan({ audit }: { audit: ImageAudit }) {
  const client = useBerth((s) => s.client);
  const may = useMay('security.scanImage');
  const mayCancel = useMay('tasks.cancel');
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const task = useBerth((s) =>
    taskId
      ? s.tasks.items[taskId]
      : Object.values(s.tasks.items).find((t) => isScanOf(audit.id)(t) && t.state === 'running'),
  );
  const running = task?.state === 'running';
  const start = async () => {
    setError(null);
    const r = await client.call('security.scanImage', { id: audit.id });
    if (r.ok) setTaskId(r.value.taskId);
    else setError(r.error);
  };
  const scan = audit.deepScan;
  return (
    <Box sx={{ display: 'grid', gap: 1, py: 1 }} aria-label="Deep scan">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
          {scan
            ? `Deep scan ${formatTime(scan.scannedAt)}: ${scan.total ? plural(scan.total, 'setuid/setgid file') : 'no setuid/setgid file'} in ${plural(scan.entries, 'entry', 'entries')}.`
            : "setuid/setgid files (CIS 4.8) need the image's files: a deep scan reads them from a container made from the image, never started and removed afterwards."}
        </Typography>
        {may && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<ManageSearchIcon />}
            disabled={running}
            onClick={() => void start()}
          >
            {scan ? 'Scan again' : 'Deep scan'}
          </Button>
        )}
        {running && mayCancel && task && (
          <Button
            size="small"
            color="inherit"
            onClick={() => void client.call('tasks.cancel', { id: task.id })}
          >
            Cancel scan
          </Button>
        )}
      </Box>
      {task && task.state !== 'succeeded' && <TaskPanel task={task} />}
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
    </Box>
  );
}
