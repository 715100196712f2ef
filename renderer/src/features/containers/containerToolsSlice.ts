import type { EngineClient } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';

export interface ContainerToolsSlice {
  /**
   * The engine client for the containers page's dialogs (run, edit, rename, commit, export, prune): their
   * answers belong to the dialog that asked, not to the global store.
   */
  containersClient: EngineClient;
}

export const createContainerToolsSlice: SliceCreator<ContainerToolsSlice> = (client) => () => ({
  containersClient: client,
});
