import type { SliceCreator } from '../../stores/types';
import type { ComposeActionId } from './actions';

export interface ComposeSlice {
  /** The latest task (up, down, start, ...) started from Berth for each project, by project name. */
  composeTasks: Record<string, ComposeTaskRef>;
  trackComposeTask: (project: string, ref: ComposeTaskRef) => void;
  /** Hides a finished task's progress for the project. */
  clearComposeTask: (project: string) => void;
}

export interface ComposeTaskRef {
  taskId: string;
  action: ComposeActionId | 'scale';
}

/** The compose tasks started from this window (the project list itself is a live list: composeList.ts). */
export const createComposeSlice: SliceCreator<ComposeSlice> = () => (set) => ({
  composeTasks: {},
  trackComposeTask: (project, ref) => set((s) => ({ composeTasks: { ...s.composeTasks, [project]: ref } })),
  clearComposeTask: (project) =>
    set((s) => {
      const { [project]: _gone, ...rest } = s.composeTasks;
      return { composeTasks: rest };
    }),
});
