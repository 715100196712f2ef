import { useCallback } from 'react';
import type { EngineClient, Result, TaskInfo } from '../api/contract';
import { useBerth } from './context';
import type { ActionFailure, ListSpec } from './listSlice';

export type TaskAction = 'cancel' | 'dismiss';
export type TaskActionFailure = ActionFailure<TaskAction>;

/**
 * Tasks by id: running ones and recently finished ones, as the backend keeps them (they survive a reload). A
 * dismissed task's row goes at once; its removal patch follows.
 */
export const tasksList: ListSpec<TaskInfo, TaskAction> = {
  list: (client) => client.call('tasks.list', {}),
  changes: (client, push) => client.on('tasks.changed', push),
  keyOf: (t) => t.id,
  removeAction: 'dismiss',
};

/** The backend call for a task action (useTaskAction runs it through the list's pending/error tracking). */
export const taskCall =
  (id: string, action: TaskAction) =>
  (client: EngineClient): Promise<Result<unknown>> =>
    client.call(action === 'cancel' ? 'tasks.cancel' : 'tasks.dismiss', { id });

/** Cancels or dismisses a task through the backend, with pending and error state in `s.tasks`. */
export function useTaskAction(): (id: string, action: TaskAction) => Promise<boolean> {
  const runAction = useBerth((s) => s.tasks.runAction);
  return useCallback((id, action) => runAction(id, action, taskCall(id, action)), [runAction]);
}

/** Tasks newest first (running ones are not reordered by progress, so rows do not jump). */
export const selectTaskList = (tasks: Record<string, TaskInfo>): TaskInfo[] =>
  Object.values(tasks).sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));

export const countRunningTasks = (tasks: Record<string, TaskInfo>): number =>
  Object.values(tasks).reduce((n, t) => n + (t.state === 'running' ? 1 : 0), 0);
