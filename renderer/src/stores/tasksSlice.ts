import type { BerthErrorData, CollectionPatch, EngineClient, TaskInfo } from '../api/contract';
import type { BerthStore } from './store';
import { applyPatches } from './collection';
import { createFrameBatcher, type Scheduler } from './frameBatcher';
import type { SliceCreator } from './types';

export type TaskAction = 'cancel' | 'dismiss';

export interface TasksSlice {
  /** Tasks by id: running ones and recently finished ones, as the backend keeps them (they survive a reload). */
  tasks: Record<string, TaskInfo>;
  tasksLoaded: boolean;
  /** Why the last tasks.list failed; cleared by the next success. */
  tasksError: BerthErrorData | null;
  /** The cancel or dismiss in flight per task. */
  taskPending: Record<string, TaskAction>;
  /** The last failed cancel/dismiss per task, until the next attempt. */
  taskActionErrors: Record<string, BerthErrorData>;
  loadTasks: () => Promise<void>;
  applyTaskPatches: (patches: CollectionPatch<TaskInfo>[]) => void;
  cancelTask: (id: string) => Promise<boolean>;
  dismissTask: (id: string) => Promise<boolean>;
}

const byId = (items: TaskInfo[]) => Object.fromEntries(items.map((t) => [t.id, t]));

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const copy = { ...record };
  delete copy[id];
  return copy;
}

export const createTasksSlice: SliceCreator<TasksSlice> = (client) => (set, get) => {
  // Only the newest list answer counts: an older one may reflect a state before later patches.
  let listSeq = 0;
  const run = async (id: string, action: TaskAction): Promise<boolean> => {
    if (get().taskPending[id]) return false;
    set((s) => ({
      taskPending: { ...s.taskPending, [id]: action },
      taskActionErrors: without(s.taskActionErrors, id),
    }));
    const result = await client.call(action === 'cancel' ? 'tasks.cancel' : 'tasks.dismiss', { id });
    set((s) => {
      const taskPending = without(s.taskPending, id);
      if (!result.ok) return { taskPending, taskActionErrors: { ...s.taskActionErrors, [id]: result.error } };
      // The removal patch follows, but a dismissed task should not linger until it arrives.
      if (action === 'dismiss') return { taskPending, tasks: without(s.tasks, id) };
      return { taskPending };
    });
    return result.ok;
  };
  return {
    tasks: {},
    tasksLoaded: false,
    tasksError: null,
    taskPending: {},
    taskActionErrors: {},
    loadTasks: async () => {
      const seq = ++listSeq;
      const result = await client.call('tasks.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ tasks: byId(result.value), tasksLoaded: true, tasksError: null });
      else set({ tasksError: result.error });
    },
    applyTaskPatches: (patches) => {
      const { items, reset } = applyPatches(get().tasks, patches, (t) => t.id);
      set({ tasks: items, tasksLoaded: get().tasksLoaded || reset });
    },
    cancelTask: (id) => run(id, 'cancel'),
    dismissTask: (id) => run(id, 'dismiss'),
  };
};

/**
 * Keeps the task list in step with the backend: lists on every (re)opened link (the list lives in the
 * backend, so it survives reloads and reconnects) and applies 'tasks.changed' patches once per frame.
 */
export function bindTasks(store: BerthStore, client: EngineClient, schedule?: Scheduler): () => void {
  const batcher = createFrameBatcher<CollectionPatch<TaskInfo>>(
    (patches) => store.getState().applyTaskPatches(patches),
    schedule,
  );
  let open = false;
  const offs = [
    client.on('tasks.changed', (patch) => batcher.push(patch)),
    client.onTransportState((state) => {
      if (state === 'open' && !open) void store.getState().loadTasks();
      open = state === 'open';
    }),
  ];
  return () => {
    for (const off of offs) off();
    batcher.dispose();
  };
}

/** Tasks newest first (running ones are not reordered by progress, so rows do not jump). */
export const selectTaskList = (tasks: Record<string, TaskInfo>): TaskInfo[] =>
  Object.values(tasks).sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));

export const countRunningTasks = (tasks: Record<string, TaskInfo>): number =>
  Object.values(tasks).reduce((n, t) => n + (t.state === 'running' ? 1 : 0), 0);
