import type {
  BerthErrorData,
  CollectionPatch,
  ContainerAction,
  ContainerSummary,
  EngineClient,
  Result,
} from '../api/contract';
import type { SliceCreator } from './types';
import { applyPatches } from './collection';

export interface ActionFailure {
  action: ContainerAction;
  error: BerthErrorData;
}

export interface ContainersSlice {
  containers: Record<string, ContainerSummary>;
  /** True once a list (or reset patch) has arrived. */
  containersLoaded: boolean;
  /** Why the last containers.list failed; cleared by the next success. */
  containersError: BerthErrorData | null;
  /** The action running on each container, by id. */
  pending: Record<string, ContainerAction>;
  /** The last failed action on each container, by id, until dismissed or the next action. */
  actionErrors: Record<string, ActionFailure>;
  loadContainers: () => Promise<void>;
  applyContainerPatches: (patches: CollectionPatch<ContainerSummary>[]) => void;
  /** Runs `invoke` as `action` on container `id`, tracking pending and error state. Resolves true on success. */
  runContainerAction: (
    id: string,
    action: ContainerAction,
    invoke: (client: EngineClient) => Promise<Result<void>>,
  ) => Promise<boolean>;
  dismissActionError: (id: string) => void;
}

const byId = (items: ContainerSummary[]) => Object.fromEntries(items.map((c) => [c.id, c]));

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const copy = { ...record };
  delete copy[id];
  return copy;
}

export const createContainersSlice: SliceCreator<ContainersSlice> = (client) => (set, get) => {
  // Only the newest list answer counts: an older one may reflect a state before later events.
  let listSeq = 0;
  return {
    containers: {},
    containersLoaded: false,
    containersError: null,
    pending: {},
    actionErrors: {},
    loadContainers: async () => {
      const seq = ++listSeq;
      const result = await client.call('containers.list', {});
      if (seq !== listSeq) return;
      if (result.ok) set({ containers: byId(result.value), containersLoaded: true, containersError: null });
      else set({ containersError: result.error });
    },
    applyContainerPatches: (patches) => {
      const { items, reset } = applyPatches(get().containers, patches, (c) => c.id);
      set({ containers: items, containersLoaded: get().containersLoaded || reset });
    },
    runContainerAction: async (id, action, invoke) => {
      if (get().pending[id]) return false;
      set((s) => ({ pending: { ...s.pending, [id]: action }, actionErrors: without(s.actionErrors, id) }));
      const result = await invoke(client);
      set((s) => {
        const pending = without(s.pending, id);
        if (!result.ok) return { pending, actionErrors: { ...s.actionErrors, [id]: { action, error: result.error } } };
        // The removal event follows, but the row should not linger until it arrives.
        if (action === 'remove') return { pending, containers: without(s.containers, id) };
        return { pending };
      });
      return result.ok;
    },
    dismissActionError: (id) => set((s) => ({ actionErrors: without(s.actionErrors, id) })),
  };
};
