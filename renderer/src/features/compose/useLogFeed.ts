import { useEffect, useMemo, useState } from 'react';
import type { BerthErrorData, LogChunk, StreamParamsInput } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { createLogBuffer } from './logBuffer';

/** The merged-log streams: a compose project's containers, or a swarm service's tasks. */
type MergedLogs = 'compose.logs' | 'services.logs';

/**
 * A merged log stream into a bounded buffer, rendered at most once per frame: the lines, how the stream ended,
 * `retry` to open it again and `clear`. With `onlyTask`, lines of other swarm tasks are dropped on arrival.
 * The stream belongs to the calling view and closes when it unmounts or its parameters change.
 */
export function useLogFeed<S extends MergedLogs>(
  stream: S,
  params: StreamParamsInput<S>,
  options: { max?: number; onlyTask?: string } = {},
) {
  const client = useBerth((s) => s.client);
  const { max, onlyTask } = options;
  const buffer = useMemo(() => createLogBuffer(max), [max]);
  const [lines, setLines] = useState(buffer.lines);
  const [ended, setEnded] = useState<{ error?: BerthErrorData } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(params);

  useEffect(() => {
    buffer.clear();
    let frame = 0;
    // Chunks can arrive faster than the screen refreshes: render at most once per frame.
    const render = () => {
      frame = 0;
      setLines(buffer.lines);
    };
    const subscription = client.stream(stream, JSON.parse(key) as StreamParamsInput<S>, {
      // Both streams send LogChunk.
      onData: (data) => {
        const chunk = data as LogChunk;
        const kept = onlyTask === undefined ? chunk.lines : chunk.lines.filter((l) => l.task === onlyTask);
        if (kept.length === 0 && !chunk.dropped) return;
        buffer.append(kept, chunk.dropped);
        frame ||= requestAnimationFrame(render);
      },
      onEnd: (error) => setEnded(error ? { error } : {}),
    });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      subscription.close();
    };
  }, [client, stream, key, onlyTask, buffer, attempt]);

  return {
    lines,
    ended,
    dropped: buffer.dropped,
    retry: () => {
      setEnded(null);
      setAttempt((a) => a + 1);
    },
    clear: () => {
      buffer.clear();
      setLines(buffer.lines);
    },
  };
}
