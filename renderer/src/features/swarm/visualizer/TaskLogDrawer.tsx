import { useEffect, useRef } from 'react';
import { Alert, Box, Button, Drawer, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatLogStamp, formatTime, type SwarmTask } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';
import { useLogFeed } from '../../compose/useLogFeed';
import { taskName } from './model';

/** Lines drawn at most: the newest; the buffer keeps more for a later search. */
const SHOWN = 1000;

/**
 * One task's logs: its service's `services.logs` stream (which reaches the task's container on whichever node it
 * runs), keeping the lines of this task only. The stream belongs to the drawer and closes with it.
 */
export function TaskLogDrawer({ task, onClose }: { task: SwarmTask; onClose: () => void }) {
  const node = useBerth((s) => (task.nodeId ? s.swarmNodes.items[task.nodeId] : undefined));
  const { lines, ended, retry } = useLogFeed(
    'services.logs',
    { id: task.serviceId, tail: 500, follow: true, timestamps: true },
    { max: 5000, onlyTask: task.id },
  );
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => endRef.current?.scrollIntoView?.({ block: 'end' }), [lines]);

  const shown = lines.slice(-SHOWN);
  return (
    <Drawer anchor="right" open onClose={onClose} slotProps={{ paper: { sx: { width: 'min(760px, 90vw)' } } }}>
      <Box role="region" aria-label={`Logs of task ${taskName(task)}`} sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, p: 2, pb: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="h6" component="h2" noWrap>
              {taskName(task)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {task.state} since {formatTime(task.stateSince)} · node {node?.hostname ?? task.nodeId ?? 'not scheduled'} · task{' '}
              {task.id.slice(0, 12)}
              {task.containerId ? ` · container ${task.containerId.slice(0, 12)}` : ''}
            </Typography>
            {task.error && (
              <Typography variant="body2" color="error">
                {task.error}
                {task.exitCode !== undefined ? ` (exit code ${task.exitCode})` : ''}
              </Typography>
            )}
          </Box>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        {ended && (
          <Alert
            severity={ended.error ? 'error' : 'info'}
            sx={{ mx: 2, mb: 1 }}
            action={
              <Button size="small" onClick={retry}>
                Reconnect
              </Button>
            }
          >
            {ended.error ? `The log stream stopped: ${ended.error.message}` : 'The log stream ended.'}
            {ended.error && <ErrorDetails details={ended.error.details} />}
          </Alert>
        )}
        <Box
          role="log"
          aria-label={`Log lines of ${taskName(task)}`}
          sx={{ flex: 1, overflow: 'auto', fontFamily: 'monospace', fontSize: 13, px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}
        >
          {shown.length === 0 ? (
            <Typography color="text.secondary" sx={{ fontFamily: 'inherit' }}>
              {task.containerId ? 'No log lines from this task yet.' : 'This task has no container yet, so it has no logs.'}
            </Typography>
          ) : (
            shown.map((l) => (
              <Box key={l.seq} sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', color: l.stream === 'stderr' ? 'error.main' : 'text.primary' }}>
                {l.ts && (
                  <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                    {formatLogStamp(l.ts)}
                  </Box>
                )}
                {l.text}
              </Box>
            ))
          )}
          <div ref={endRef} />
        </Box>
      </Box>
    </Drawer>
  );
}
