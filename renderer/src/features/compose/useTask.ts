import { useEffect, useState } from 'react';
import type { EngineClient, TaskInfo } from '../../api/contract';

/**
 * Follows one task: its current state from tasks.list, then every 'tasks.changed' update for that id. A
 * reset patch without the task means it was dismissed (undefined again). Owned by the view that shows it.
 */
export function useTask(client: EngineClient, taskId: string | undefined): TaskInfo | undefined {
  // Keyed by id, so a stale answer for the previous task is never shown for the next one.
  const [seen, setSeen] = useState<{ id: string; task: TaskInfo | undefined } | null>(null);
  useEffect(() => {
    if (!taskId) return;
    let updated = false;
    let disposed = false;
    const show = (task: TaskInfo | undefined) => setSeen({ id: taskId, task });
    const off = client.on('tasks.changed', (patch) => {
      if (patch.kind === 'reset') show(patch.items.find((t) => t.id === taskId));
      else {
        const update = patch.upserts.find((t) => t.id === taskId);
        if (update) show(update);
        else if (patch.removed.includes(taskId)) show(undefined);
        else return;
      }
      updated = true;
    });
    // The task may have moved on before we subscribed: take its state from the list unless an update came first.
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
