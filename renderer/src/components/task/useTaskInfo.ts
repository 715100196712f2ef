import type { TaskInfo } from '../../api/contract';
import { useBerth } from '../../stores/context';

/** The live state of one task (from the store's tasks, fed by 'tasks.changed'), for the dialog that started it. */
export function useTaskInfo(taskId: string | undefined): TaskInfo | undefined {
  return useBerth((s) => (taskId ? s.tasks.items[taskId] : undefined));
}
