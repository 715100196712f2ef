import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { DEFAULT_CLEANUP, formatBytes, plural, type BerthErrorData, type PruneKind, type SystemPruneOptions, type SystemPruneResult } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useCall } from '../../components/useCall';
import { useTaskAction } from '../../stores/tasksList';
import { useBerth } from '../../stores/context';

const KINDS: { key: PruneKind; label: string; one: string; many?: string }[] = [
  { key: 'containers', label: 'Stopped containers', one: 'stopped container' },
  { key: 'images', label: 'Images', one: 'image' },
  { key: 'networks', label: 'Networks', one: 'network' },
  { key: 'volumes', label: 'Volumes', one: 'volume' },
  { key: 'buildCache', label: 'Build cache', one: 'build cache entry', many: 'build cache entries' },
];

/**
 * "Clean up…": first the preview (exactly what goes and how much space returns, per kind), then the prune
 * as a task with a step per kind, cancellable, and what was removed at the end.
 */
export function CleanupDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const taskAction = useTaskAction();
  const cancel = (id: string) => taskAction(id, 'cancel');
  const [options, setOptions] = useState<SystemPruneOptions>({ ...DEFAULT_CLEANUP });
  const [taskId, setTaskId] = useState<string | null>(null);
  // The preview is for the options shown; once the task runs it no longer matters.
  const { value: preview, error: previewError } = useCall(client, 'system.prunePreview', options, taskId === null);
  const [startError, setError] = useState<BerthErrorData | null>(null);
  const error = startError ?? previewError;
  const task = useBerth((s) => (taskId ? s.tasks.items[taskId] : undefined));

  const start = async () => {
    const r = await client.call('system.prune', options);
    if (r.ok) setTaskId(r.value.taskId);
    else setError(r.error);
  };

  const running = taskId !== null && (!task || task.state === 'running');
  const result = task?.state === 'succeeded' ? (task.result as SystemPruneResult) : undefined;
  const total = preview ? KINDS.reduce((n, k) => n + preview[k.key].length, 0) : 0;
  const taskError = task?.state === 'failed' ? task.error : undefined;

  return (
    <Dialog open onClose={() => !running && onClose()} aria-labelledby="cleanup-title" maxWidth="md" fullWidth>
      <DialogTitle id="cleanup-title">Clean up unused data</DialogTitle>
      <DialogContent>
        {taskId ? (
          <Box role="status" aria-label="Clean-up progress">
            <Typography gutterBottom>{task?.message ?? 'Starting…'}</Typography>
            <LinearProgress variant="determinate" value={(task?.progress?.fraction ?? 0) * 100} />
            <List dense>
              {(task?.steps ?? []).map((s) => (
                <ListItem key={s.id} disableGutters>
                  <ListItemText primary={`${s.label}: ${s.state}`} secondary={s.detail} />
                </ListItem>
              ))}
            </List>
            {result && (
              <Alert severity={result.failed.length ? 'warning' : 'success'}>
                Freed {formatBytes(result.reclaimedBytes.total)}: {KINDS.map((k) => plural(result.removed[k.key].length, k.one, k.many)).join(', ')}.
                {result.failed.map((f) => ` ${f.name}: ${f.message}`).join('')}
              </Alert>
            )}
            {task?.state === 'cancelled' && <Alert severity="info">Cancelled; what was removed before stays removed.</Alert>}
          </Box>
        ) : (
          <>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
              <FormControlLabel
                control={<Checkbox checked={options.allImages} onChange={(e) => setOptions({ ...options, allImages: e.target.checked })} />}
                label="All unused images, not only untagged ones"
              />
              <TextField select size="small" label="Volumes" value={options.volumes} onChange={(e) => setOptions({ ...options, volumes: e.target.value as SystemPruneOptions['volumes'] })} sx={{ minWidth: 220 }}>
                <MenuItem value="none">Keep all volumes</MenuItem>
                <MenuItem value="anonymous">Unused anonymous volumes</MenuItem>
                <MenuItem value="all">All unused volumes</MenuItem>
              </TextField>
              <FormControlLabel control={<Checkbox checked={options.buildCache} onChange={(e) => setOptions({ ...options, buildCache: e.target.checked })} />} label="Build cache" />
            </Box>
            {options.volumes !== 'none' && <Alert severity="warning" sx={{ mb: 2 }}>The data in removed volumes is lost for good.</Alert>}
            {!preview && !error && (
              <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <CircularProgress size={16} /> Working out what can go…
              </Box>
            )}
            {preview && (
              <>
                <Typography gutterBottom>
                  {total === 0 ? 'Nothing to clean up: everything is in use.' : `${plural(total, 'item')} ${total === 1 ? 'goes' : 'go'}; about ${formatBytes(preview.reclaimableBytes.total)} of disk space returns.`}
                </Typography>
                <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 2 }}>
                  {KINDS.filter((k) => preview[k.key].length > 0).map((k) => (
                    <Box key={k.key}>
                      <Typography variant="subtitle2" component="h3">
                        {k.label} ({preview[k.key].length}{preview.reclaimableBytes[k.key] ? `, ${formatBytes(preview.reclaimableBytes[k.key])}` : ''})
                      </Typography>
                      <List dense aria-label={`${k.label} to remove`} sx={{ maxHeight: 180, overflow: 'auto' }}>
                        {preview[k.key].map((item) => (
                          <ListItem key={item.id} disableGutters>
                            <ListItemText primary={item.name} secondary={[item.detail, item.size !== undefined ? formatBytes(item.size) : ''].filter(Boolean).join(' · ')} />
                          </ListItem>
                        ))}
                      </List>
                    </Box>
                  ))}
                </Box>
              </>
            )}
          </>
        )}
        {(error ?? taskError) && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {(error ?? taskError)?.message}
            <ErrorDetails details={(error ?? taskError)?.details} />
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {running && taskId ? (
          <Button onClick={() => void cancel(taskId)}>Cancel clean-up</Button>
        ) : (
          <Button onClick={onClose}>{taskId ? 'Close' : 'Cancel'}</Button>
        )}
        {!taskId && (
          <Button variant="contained" color="error" disabled={!preview || total === 0} onClick={() => void start()}>
            Clean up{preview && total > 0 ? ` ${formatBytes(preview.reclaimableBytes.total)}` : ''}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
