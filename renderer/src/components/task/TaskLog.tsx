import { useEffect, useRef, useState } from 'react';
import { Box } from '@mui/material';
import type { EngineClient } from '../../api/contract';

const MAX_LINES = 2000;

/** A task's log (build output), followed live through the 'tasks.log' stream while the view is open. Key it by task. */
export function TaskLog({
  client,
  taskId,
  label = 'Build log',
}: {
  client: EngineClient;
  taskId: string;
  label?: string;
}) {
  const [lines, setLines] = useState<string[]>([]);
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sub = client.stream(
      'tasks.log',
      { id: taskId },
      {
        onData: (chunk) => setLines((prev) => [...prev, ...chunk.lines].slice(-MAX_LINES)),
      },
    );
    return () => sub.close();
  }, [client, taskId]);
  // Braces: newer Chromium returns a promise from scrollIntoView, and an effect may only return a cleanup.
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lines]);
  return (
    <Box
      component="pre"
      aria-label={label}
      tabIndex={0}
      sx={{
        m: 0,
        mt: 1,
        p: 1,
        maxHeight: 220,
        overflow: 'auto',
        fontSize: 12,
        bgcolor: 'action.hover',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
      }}
    >
      {lines.join('\n') || 'Waiting for output…'}
      <div ref={endRef} />
    </Box>
  );
}
