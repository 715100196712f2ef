import { vi } from 'vitest';
import {
  ErrorCode,
  transferPath,
  type BerthErrorData,
  type EngineClient,
  type EventMap,
  type EventName,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
  type StreamChunk,
  type StreamHandlers,
  type StreamInput,
  type StreamName,
  type StreamParamsInput,
  type TransportState,
} from '../api/contract';

type Handler<M extends MethodName> = (
  params: MethodInput<M>,
) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

/** The origin the fake client pretends to serve transfers from. */
export const FAKE_ORIGIN = 'http://berth.test';

/**
 * A stream the code under test opened on the fake client. The test drives it: `data()` delivers a chunk,
 * `end()` ends it (with an error when given); `inputs` records what the code sent; `closed` tells whether the
 * code closed it (e.g. on unmount).
 */
export interface FakeStream<S extends StreamName = StreamName> {
  name: S;
  params: StreamParamsInput<S>;
  inputs: StreamInput<S>[];
  /** True once the code under test called close(). */
  closed: boolean;
  /** True once the stream ended (by `end()` from the test). */
  ended: boolean;
  data(chunk: StreamChunk<S>): void;
  end(error?: BerthErrorData): void;
}

/** An in-memory EngineClient for tests: scripted method handlers, recorded calls, manual events and streams. */
export function createFakeClient(handlers: Handlers = {}) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const transport = new Set<(s: TransportState) => void>();
  const streams: FakeStream[] = [];
  const call = vi.fn(
    <M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
      const handler = handlers[method];
      if (!handler) {
        return Promise.resolve({
          ok: false,
          error: { code: ErrorCode.METHOD_NOT_FOUND, message: `no fake for ${method}` },
        });
      }
      return Promise.resolve(handler(params));
    },
  );

  function openStream<S extends StreamName>(name: S, params: StreamParamsInput<S>, h: StreamHandlers<S>) {
    const s: FakeStream<S> = {
      name,
      params,
      inputs: [],
      closed: false,
      ended: false,
      data(chunk) {
        if (s.closed || s.ended) throw new Error(`fake stream ${name} is no longer open`);
        h.onData(chunk);
      },
      end(error) {
        if (s.closed || s.ended) throw new Error(`fake stream ${name} is no longer open`);
        s.ended = true;
        h.onEnd?.(error);
      },
    };
    streams.push(s);
    return {
      send: (input: StreamInput<S>) => {
        if (!s.closed && !s.ended) s.inputs.push(input);
      },
      close: () => {
        s.closed = true;
      },
    };
  }

  const client: EngineClient = {
    call: call as EngineClient['call'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    onTransportState: (listener) => {
      transport.add(listener);
      return () => transport.delete(listener);
    },
    stream: openStream,
    transferUrl: (transferId) => `${FAKE_ORIGIN}${transferPath(transferId)}`,
    dispose: () => undefined,
  };
  return {
    client,
    call,
    handlers,
    /** Every stream opened so far, in order (closed ones included). */
    streams,
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setTransport(state: TransportState) {
      for (const l of transport) l(state);
    },
    /** Calls of one method, by their params. */
    callsOf(method: MethodName): unknown[] {
      return call.mock.calls.filter(([m]) => m === method).map(([, p]) => p);
    },
    /** Streams of one name, in the order they were opened. */
    streamsOf<S extends StreamName>(name: S): FakeStream<S>[] {
      return streams.filter((s) => s.name === name) as unknown as FakeStream<S>[];
    },
    /** The latest stream of that name that is still open; throws when there is none (the test's assertion). */
    openStream<S extends StreamName>(name: S): FakeStream<S> {
      const open = streams.filter((s) => s.name === name && !s.closed && !s.ended).at(-1);
      if (!open) throw new Error(`no open ${name} stream`);
      return open as unknown as FakeStream<S>;
    },
  };
}
export type FakeClient = ReturnType<typeof createFakeClient>;
