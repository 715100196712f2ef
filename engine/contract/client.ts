import type { Result } from './errors';
import type { EventMap, EventName } from './events';
import type { BerthErrorData } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { StreamChunk, StreamInput, StreamName, StreamParamsInput } from './streams';

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
  /** Opens a stream; `onEnd` fires once (with an error when it failed or the link dropped). */
  stream<S extends StreamName>(name: S, params: StreamParamsInput<S>, handlers: StreamHandlers<S>): StreamSubscription<S>;
  /** Absolute URL of a transfer ticket (download: GET; upload: POST the raw body). */
  transferUrl(transferId: string): string;
  dispose(): void;
}

export interface StreamHandlers<S extends StreamName> {
  onData(chunk: StreamChunk<S>): void;
  onEnd?(error?: BerthErrorData): void;
}

export interface StreamSubscription<S extends StreamName> {
  send(input: StreamInput<S>): void;
  close(): void;
}
