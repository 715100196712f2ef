import type { StateCreator } from 'zustand';
import type { EngineClient } from '../api/contract';
import type { ComposeSlice } from '../features/compose/composeSlice';
import type { EngineSlice } from './engineSlice';
import type { ListsSlice } from './lists';
import type { SettingsSlice } from './settingsSlice';
import type { SwarmSlice } from './swarmSlice';
import type { UiSlice } from './uiSlice';
import type { UnsavedSlice } from './unsavedSlice';

/** The one engine client, for views' own calls and streams (dialogs, details, transfers): their answers belong
 * to the view that asked, not to the store. Tests inject a fake. */
export interface ClientSlice {
  client: EngineClient;
}

export type BerthState = ClientSlice & EngineSlice & ListsSlice & SettingsSlice & UiSlice & ComposeSlice & UnsavedSlice &
  SwarmSlice;

/** A slice creator with the engine client injected. */
export type SliceCreator<S> = (client: EngineClient) => StateCreator<BerthState, [], [], S>;
