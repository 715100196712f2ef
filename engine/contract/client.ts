import type { Result } from './errors';
import type { EventMap, EventName } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

export type TransportState = 'connecting' | 'open' | 'closed';

/**
 * What the renderer (and the CLI) talk to. Implemented by the IPC transport (Electron), the WebSocket
 * transport (web mode) and fakes in tests. Never throws: failures come back as `{ ok: false }`.
 */
export interface EngineClient {
  call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** The state of the link to the backend itself (not the engine's). */
  onTransportState(listener: (state: TransportState) => void): () => void;
  dispose(): void;
}
