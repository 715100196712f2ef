import type { StateCreator } from 'zustand';
import type { EngineClient } from '../api/contract';
import type { ComposeSlice } from '../features/compose/composeSlice';
import type { ImagesSlice } from '../features/images/imagesSlice';
import type { ContainerToolsSlice } from '../features/containers/containerToolsSlice';
import type { NetworksSlice } from '../features/networks/networksSlice';
import type { SystemSlice } from '../features/system/systemSlice';
import type { VolumesSlice } from '../features/volumes/volumesSlice';
import type { ContainersSlice } from './containersSlice';
import type { EngineSlice } from './engineSlice';
import type { SettingsSlice } from './settingsSlice';
import type { UiSlice } from './uiSlice';
import type { TasksSlice } from './tasksSlice';

export type BerthState = EngineSlice &
  ContainersSlice &
  SettingsSlice &
  UiSlice &
  TasksSlice &
  ComposeSlice &
  ContainerToolsSlice &
  ImagesSlice &
  VolumesSlice &
  NetworksSlice &
  SystemSlice;

/** A slice creator with the engine client injected. */
export type SliceCreator<S> = (client: EngineClient) => StateCreator<BerthState, [], [], S>;
