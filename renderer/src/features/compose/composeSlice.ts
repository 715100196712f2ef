import type { ComposeProjectSummary } from '../../api/contract';
import { createList, type ListSpec, type ListState } from '../../stores/listSlice';
import type { SliceCreator } from '../../stores/types';
import type { ComposeActionId } from './actions';

export interface ComposeSlice {
  /** Compose projects by name: from container labels (Berth's and the CLI's) plus the projects Berth opened. */
  composeProjects: ListState<ComposeProjectSummary>;
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

const composeList: ListSpec<ComposeProjectSummary> = {
  list: (client) => client.call('compose.projects.list', {}),
  changes: (client, push) => client.on('compose.changed', push),
  keyOf: (p) => p.name,
};

export const createComposeSlice: SliceCreator<ComposeSlice> = (client) => (set, get) => ({
  composeProjects: createList(
    composeList,
    client,
    () => get().composeProjects,
    (composeProjects) => set({ composeProjects }),
  ),
  composeTasks: {},
  trackComposeTask: (project, ref) => set((s) => ({ composeTasks: { ...s.composeTasks, [project]: ref } })),
  clearComposeTask: (project) =>
    set((s) => {
      const { [project]: _gone, ...rest } = s.composeTasks;
      return { composeTasks: rest };
    }),
});
