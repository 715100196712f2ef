import type {
  MethodName,
  MethodOutput,
  MethodParams,
  StreamChunk,
  StreamInput,
  StreamName,
  StreamParams,
} from '../contract';
import type { Caller } from './audit';

/** One handler per contract method. Handlers may throw; the dispatcher turns throws into error data. */
export type Handlers = {
  [M in MethodName]: (params: MethodParams<M>, caller: Caller) => Promise<MethodOutput<M>>;
};

/** What a stream handler gets. It resolves when the stream ends by itself; a throw ends it with that error. */
export interface StreamContext<S extends StreamName> {
  params: StreamParams<S>;
  caller: Caller;
  /** Aborted when the client closes the stream or disconnects. */
  signal: AbortSignal;
  /** Sends a chunk; returns false when the client is behind (pause the source, then `drained()`). */
  send(chunk: StreamChunk<S>): boolean;
  /** Resolves when the client has caught up (or the stream was closed). */
  drained(): Promise<void>;
  /** Registers the input handler (terminal keystrokes, resizes). Input before registration is queued. */
  onInput(handler: (input: StreamInput<S>) => void): void;
}

/** One handler per contract stream. */
export type StreamHandlers = { [S in StreamName]: (ctx: StreamContext<S>) => Promise<void> };
