import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import type { BerthErrorData, EngineClient } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';

/** The dialog keeps the newest lines only; the full log stays in the backend. */
export const MAX_LOG_LINES = 5000;

interface Props {
  client: EngineClient;
  taskId: string;
  title: string;
  onClose: () => void;
}

type LogState = { lines: string[]; trimmed: boolean; ended: boolean; error?: BerthErrorData };

/** A task's log: what was kept so far, then new lines live ('tasks.log'); the stream closes with the dialog. */
export function TaskLogDialog({ client, taskId, title, onClose }: Props) {
  const [attempt, setAttempt] = useState(0);
  const [log, setLog] = useState<LogState>({ lines: [], trimmed: false, ended: false });
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const sub = client.stream(
      'tasks.log',
      { id: taskId },
      {
        onData: (chunk) =>
          setLog((prev) => {
            const all = prev.lines.concat(chunk.lines);
            const trimmed = prev.trimmed || all.length > MAX_LOG_LINES;
            return { ...prev, lines: all.length > MAX_LOG_LINES ? all.slice(-MAX_LOG_LINES) : all, trimmed };
          }),
        onEnd: (error) => setLog((prev) => ({ ...prev, ended: true, ...(error ? { error } : {}) })),
      },
    );
    return () => sub.close();
  }, [client, taskId, attempt]);

  // Follow the end of the log unless the user scrolled up to read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [log.lines]);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="task-log-title">
      <DialogTitle id="task-log-title">Log: {title}</DialogTitle>
      <DialogContent dividers>
        {log.error && (
          <Alert
            severity="error"
            sx={{ mb: 1 }}
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  setLog({ lines: [], trimmed: false, ended: false });
                  setAttempt((n) => n + 1);
                }}
              >
                Reconnect
              </Button>
            }
          >
            {log.error.message}
            <ErrorDetails details={log.error.details} />
          </Alert>
        )}
        {log.trimmed && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0 }}>
            Showing the last {MAX_LOG_LINES} lines.
          </Typography>
        )}
        <Box
          ref={scroller}
          role="log"
          aria-label={`Log of ${title}`}
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
          sx={{
            height: '55vh',
            overflow: 'auto',
            m: 0,
            p: 1,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontFamily: 'monospace',
            fontSize: 12,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          {log.lines.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {log.ended ? 'This task has not written any log lines.' : 'Waiting for log lines…'}
            </Typography>
          ) : (
            log.lines.join('\n')
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
