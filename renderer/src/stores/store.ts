import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../api/contract';
import { createComposeSlice } from '../features/compose/composeSlice';
import { createEngineSlice } from './engineSlice';
import type { Scheduler } from './frameBatcher';
import { createListsSlice, followLists } from './lists';
import { createSettingsSlice } from './settingsSlice';
import { createSwarmSlice } from './swarmSlice';
import type { BerthState } from './types';
import { createUiSlice } from './uiSlice';
import { createUnsavedSlice } from './unsavedSlice';

export type BerthStore = StoreApi<BerthState>;

/** One store per window, built from slices, with the engine client injected (tests pass a fake). */
export function createBerthStore(client: EngineClient): BerthStore {
  return createStore<BerthState>()((...a) => ({
    client,
    ...createEngineSlice(client)(...a),
    ...createListsSlice(client)(...a),
    ...createSettingsSlice(client)(...a),
    ...createUiSlice(client)(...a),
    ...createComposeSlice(client)(...a),
    ...createUnsavedSlice(client)(...a),
    ...createSwarmSlice(client)(...a),
  }));
}

/**
 * Wires the client's events and transport state into the store: every live list follows its change event
 * (registered once in stores/lists.ts, batched per animation frame). Returns the disposer that unhooks everything.
 */
export function bindEngine(store: BerthStore, client: EngineClient, schedule?: Scheduler): () => void {
  const offs = [
    followLists(store.getState(), schedule),
    client.on('engine.status', (status) => store.getState().setEngineStatus(status)),
    client.on('swarm.status', (status) => store.getState().setSwarmStatus(status)),
    client.on('cluster.status', (status) => store.getState().setClusterStatus(status)),
    client.onTransportState((state) => store.getState().setTransport(state)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
