import type { EngineClient } from '../../api/contract';
import type { SliceCreator } from '../../stores/types';

export interface SystemSlice {
  /** The engine client for the system page's calls (disk usage, clean-up, engine info). */
  systemClient: EngineClient;
}

export const createSystemSlice: SliceCreator<SystemSlice> = (client) => () => ({ systemClient: client });
