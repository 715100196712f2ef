import { useEffect, useState } from 'react';
import type { EngineClient, TaskInfo } from '../../api/contract';

/**
 * Follows one task started from an images dialog: its state from tasks.list, then each 'tasks.changed' update
 * for that id. Owned by the dialog that shows it; unsubscribes on unmount.
 */
export function useTaskInfo(client: EngineClient, taskId: string | undefined): TaskInfo | undefined {
  const [seen, setSeen] = useState<{ id: string; task: TaskInfo | undefined } | null>(null);
  useEffect(() => {
    if (!taskId) return;
    let updated = false;
    let disposed = false;
    const show = (task: TaskInfo | undefined) => setSeen({ id: taskId, task });
    const off = client.on('tasks.changed', (patch) => {
      const task = patch.kind === 'reset' ? patch.items.find((t) => t.id === taskId) : patch.upserts.find((t) => t.id === taskId);
      if (!task && patch.kind === 'patch' && !patch.removed.includes(taskId)) return;
      updated = true;
      show(task);
    });
    // The task may have moved on before the subscription: take its state from the list unless an update came first.
    void client.call('tasks.list', {}).then((result) => {
      if (!disposed && !updated && result.ok) show(result.value.find((t) => t.id === taskId));
    });
    return () => {
      disposed = true;
      off();
    };
  }, [client, taskId]);
  return seen && seen.id === taskId ? seen.task : undefined;
}
