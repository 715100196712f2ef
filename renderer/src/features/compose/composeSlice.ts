import type { BerthErrorData, CollectionPatch, ComposeProjectSummary } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';
import { applyPatches } from '../../stores/collection';
import type { ComposeActionId } from './actions';

export interface ComposeSlice {
  /** Compose projects by name: from container labels (Berth's and the CLI's) plus the projects Berth opened. */
  composeProjects: Record<string, ComposeProjectSummary>;
  /** True once a list (or reset patch) has arrived. */
  composeLoaded: boolean;
  /** Why the last compose.projects.list failed; cleared by the next success. */
  composeError: BerthErrorData | null;
  loadComposeProjects: () => Promise<void>;
  applyComposePatches: (patches: CollectionPatch<ComposeProjectSummary>[]) => void;
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

const byName = (items: ComposeProjectSummary[]) => Object.fromEntries(items.map((p) => [p.name, p]));

export const createComposeSlice: SliceCreator<ComposeSlice> = (client) => (set, get) => {
  // Only the newest list answer counts: an older one may reflect a state before later events.
  let listSeq = 0;
  return {
    composeProjects: {},
    composeLoaded: false,
    composeError: null,
    composeTasks: {},
    trackComposeTask: (project, ref) => set((s) => ({ composeTasks: { ...s.composeTasks, [project]: ref } })),
    clearComposeTask: (project) =>
      set((s) => {
        const { [project]: _gone, ...rest } = s.composeTasks;
        return { composeTasks: rest };
      }),
    loadComposeProjects: async () => {
      const seq = ++listSeq;
      const result = await client.call('compose.projects.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ composeProjects: byName(result.value), composeLoaded: true, composeError: null });
      else set({ composeError: result.error });
    },
    applyComposePatches: (patches) => {
      const { items, reset } = applyPatches(get().composeProjects, patches, (p) => p.name);
      set({ composeProjects: items, composeLoaded: get().composeLoaded || reset });
    },
  };
};
