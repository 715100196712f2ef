import { useState } from 'react';
import {
  ErrorCode,
  type BerthErrorData,
  type EngineClient,
  type Result,
  type UploadTask,
} from '../../api/contract';
import { uploadFile } from '../../api/transfers';
import { useTaskInfo } from './useTaskInfo';

/**
 * Starts a task that consumes an upload (build, load, import): asks for the ticket, then POSTs the bytes. The
 * task reports the progress (the backend counts what it receives). An upload that fails on its own (network)
 * cancels the waiting task and shows why; when the task itself failed, its error says it.
 */
export function useUploadTask(client: EngineClient) {
  const [taskId, setTaskId] = useState<string>();
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [starting, setStarting] = useState(false);
  const task = useTaskInfo(taskId);

  const start = async (body: () => Promise<Blob>, open: (blob: Blob) => Promise<Result<UploadTask>>) => {
    setStarting(true);
    setError(null);
    try {
      let blob: Blob;
      try {
        blob = await body();
      } catch (err) {
        setError({
          code: ErrorCode.INVALID_ARGUMENT,
          message: err instanceof Error ? err.message : String(err),
        });
        return;
      }
      const ticket = await open(blob);
      if (!ticket.ok) {
        setError(ticket.error);
        return;
      }
      setTaskId(ticket.value.taskId);
      const sent = await uploadFile(client, ticket.value.ticket, blob);
      if (!sent.ok && sent.error.code !== ErrorCode.CANCELLED) {
        const info = await client.call('tasks.list', {});
        const failed = info.ok && info.value.find((t) => t.id === ticket.value.taskId)?.state === 'failed';
        if (!failed) {
          setError(sent.error);
          await client.call('tasks.cancel', { id: ticket.value.taskId });
        }
      }
    } finally {
      setStarting(false);
    }
  };

  const reset = () => {
    setTaskId(undefined);
    setError(null);
  };
  return { task, error, starting, start, reset };
}
