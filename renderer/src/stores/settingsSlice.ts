import type { BerthErrorData, EngineCandidate, MethodInput, Result, Settings } from '../api/contract';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  settings: Settings | null;
  candidates: EngineCandidate[] | null;
  candidatesError: BerthErrorData | null;
  loadSettings: () => Promise<void>;
  loadCandidates: () => Promise<void>;
  updateSettings: (change: MethodInput<'settings.update'>) => Promise<Result<Settings>>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (client) => (set) => ({
  settings: null,
  candidates: null,
  candidatesError: null,
  loadSettings: async () => {
    const result = await client.call('settings.get', {});
    if (result.ok) set({ settings: result.value });
  },
  loadCandidates: async () => {
    const result = await client.call('engine.candidates', {});
    if (result.ok) set({ candidates: result.value, candidatesError: null });
    else set({ candidatesError: result.error });
  },
  updateSettings: async (change) => {
    const result = await client.call('settings.update', change);
    if (result.ok) set({ settings: result.value });
    return result;
  },
});
