import type { EngineStatus, Result, TransportState } from '../api/contract';
import { loadLists } from './lists';
import type { SliceCreator } from './types';

export interface EngineSlice {
  /** Null until the first engine.status answer or event. */
  engineStatus: EngineStatus | null;
  /** The link to the Berth backend itself (WebSocket or IPC), not the engine. */
  transport: TransportState;
  setEngineStatus: (status: EngineStatus) => void;
  setTransport: (state: TransportState) => void;
  refreshEngineStatus: () => Promise<void>;
  /** engine.reconnect: skip the backoff wait and try the engine now. */
  reconnectEngine: () => Promise<Result<EngineStatus>>;
}

export const createEngineSlice: SliceCreator<EngineSlice> = (client) => (set, get) => ({
  engineStatus: null,
  transport: 'connecting',
  setEngineStatus: (status) => {
    const previous = get().engineStatus;
    set({ engineStatus: status });
    // Events may have been missed while the engine was away: relist when it comes (back) to 'connected'
    // (the load policy of every list, see stores/lists.ts).
    if (status.state === 'connected' && previous !== null && previous.state !== 'connected') {
      loadLists(get());
      void get().refreshSwarm();
    }
  },
  setTransport: (state) => {
    const previous = get().transport;
    set({ transport: state });
    // A (re)opened link may have missed any number of events: fetch everything again.
    if (state === 'open' && previous !== 'open') {
      void get().refreshEngineStatus();
      loadLists(get());
      void get().loadSettings();
      void get().refreshSwarm();
    }
  },
  refreshEngineStatus: async () => {
    const result = await client.call('engine.status', {});
    if (result.ok) get().setEngineStatus(result.value);
  },
  reconnectEngine: async () => {
    const result = await client.call('engine.reconnect', {});
    if (result.ok) get().setEngineStatus(result.value);
    return result;
  },
});
