import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContainerSummary, CollectionPatch, EngineClient, ImageSummary } from '../api/contract';
import { createComposeSlice } from '../features/compose/composeSlice';
import { createImagesSlice } from '../features/images/imagesSlice';
import { createNetworksSlice } from '../features/networks/networksSlice';
import { createVolumesSlice } from '../features/volumes/volumesSlice';
import type { NetworkSummary, VolumeSummary } from '../api/contract';
import { createContainersSlice } from './containersSlice';
import { createEngineSlice } from './engineSlice';
import { createFrameBatcher, type Scheduler } from './frameBatcher';
import { createSettingsSlice } from './settingsSlice';
import { bindTasks, createTasksSlice } from './tasksSlice';
import type { BerthState } from './types';
import { createUiSlice } from './uiSlice';

export type BerthStore = StoreApi<BerthState>;

/** One store per window, built from slices, with the engine client injected (tests pass a fake). */
export function createBerthStore(client: EngineClient): BerthStore {
  return createStore<BerthState>()((...a) => ({
    client,
    ...createEngineSlice(client)(...a),
    ...createContainersSlice(client)(...a),
    ...createSettingsSlice(client)(...a),
    ...createUiSlice(client)(...a),
    ...createTasksSlice(client)(...a),
    ...createComposeSlice(client)(...a),
    ...createImagesSlice(client)(...a),
    ...createVolumesSlice(client)(...a),
    ...createNetworksSlice(client)(...a),
  }));
}

/**
 * Wires the client's events and transport state into the store. Container patches are applied in one
 * batch per animation frame. Returns the disposer that unhooks everything.
 */
export function bindEngine(store: BerthStore, client: EngineClient, schedule?: Scheduler): () => void {
  const batcher = createFrameBatcher<CollectionPatch<ContainerSummary>>(
    (patches) => store.getState().applyContainerPatches(patches),
    schedule,
  );
  const imageBatcher = createFrameBatcher<CollectionPatch<ImageSummary>>((patches) => store.getState().applyImagePatches(patches), schedule);
  const volumeBatcher = createFrameBatcher<CollectionPatch<VolumeSummary>>((p) => store.getState().applyVolumePatches(p), schedule);
  const networkBatcher = createFrameBatcher<CollectionPatch<NetworkSummary>>((p) => store.getState().applyNetworkPatches(p), schedule);
  const offs = [
    client.on('containers.changed', (patch) => batcher.push(patch)),
    client.on('engine.status', (status) => store.getState().setEngineStatus(status)),
    client.on('compose.changed', (patch) => store.getState().applyComposePatches([patch])),
    client.on('images.changed', (patch) => imageBatcher.push(patch)),
    client.on('volumes.changed', (patch) => volumeBatcher.push(patch)),
    client.on('networks.changed', (patch) => networkBatcher.push(patch)),
    client.onTransportState((state) => store.getState().setTransport(state)),
    bindTasks(store, client, schedule),
  ];
  return () => {
    for (const off of offs) off();
    batcher.dispose();
    imageBatcher.dispose();
    volumeBatcher.dispose();
    networkBatcher.dispose();
  };
}
