import type { StateCreator } from 'zustand';
import type { EngineClient } from '../api/contract';
import type { ComposeSlice } from '../features/compose/composeSlice';
import type { ImagesSlice } from '../features/images/imagesSlice';
import type { NetworksSlice } from '../features/networks/networksSlice';
import type { VolumesSlice } from '../features/volumes/volumesSlice';
import type { ContainersSlice } from './containersSlice';
import type { EngineSlice } from './engineSlice';
import type { SettingsSlice } from './settingsSlice';
import type { UiSlice } from './uiSlice';
import type { TasksSlice } from './tasksSlice';

/** The one engine client, for views' own calls and streams (dialogs, details, transfers): their answers belong
 * to the view that asked, not to the store. Tests inject a fake. */
export interface ClientSlice {
  client: EngineClient;
}

export type BerthState = ClientSlice &
  EngineSlice &
  ContainersSlice &
  SettingsSlice &
  UiSlice &
  TasksSlice &
  ComposeSlice &
  ImagesSlice &
  VolumesSlice &
  NetworksSlice;

/** A slice creator with the engine client injected. */
export type SliceCreator<S> = (client: EngineClient) => StateCreator<BerthState, [], [], S>;
