import {
  streams,
  type StreamChunk,
  type StreamInput,
  type StreamName,
  type StreamParamsInput,
} from '../../../../contract';
import type { Backend } from '../../../../host/backend';
import type { StreamContext } from '../../../../base/handlers';
import { admin } from '../../../testing/backend';

/** Integration-test support: opens a backend stream handler directly, recording what it sends. */
export interface OpenedStream<S extends StreamName> {
  chunks: StreamChunk<S>[];
  /** Settles when the handler ends (rejects with its error). */
  done: Promise<void>;
  input(input: StreamInput<S>): void;
  close(): void;
  /** Resolves once a recorded chunk satisfies `match`. */
  until(match: (chunks: StreamChunk<S>[]) => boolean, timeoutMs?: number): Promise<void>;
}

export interface ConsumerOptions {
  /** send() reports the client as behind while this returns true. */
  behind?: () => boolean;
  /** How long drained() takes. */
  drainMs?: number;
}

export function openStream<S extends StreamName>(
  backend: Backend,
  name: S,
  params: StreamParamsInput<S>,
  consumer: ConsumerOptions = {},
): OpenedStream<S> {
  const chunks: StreamChunk<S>[] = [];
  const controller = new AbortController();
  let inputHandler: ((i: StreamInput<S>) => void) | undefined;
  // Like the StreamHost: input sent before the handler listens is queued, not lost.
  const queued: StreamInput<S>[] = [];
  const ctx: StreamContext<S> = {
    params: streams[name].params.parse(params) as StreamContext<S>['params'],
    caller: admin,
    signal: controller.signal,
    send: (chunk) => {
      chunks.push(chunk);
      return !(consumer.behind?.() ?? false);
    },
    drained: () => new Promise((r) => setTimeout(r, consumer.drainMs ?? 0)),
    onInput: (handler) => {
      inputHandler = handler;
      for (const q of queued.splice(0)) handler(q);
    },
  };
  const handler = backend.streams[name] as (c: StreamContext<S>) => Promise<void>;
  const done = handler(ctx);
  done.catch(() => undefined);
  return {
    chunks,
    done,
    input: (i) => (inputHandler ? inputHandler(i) : queued.push(i)),
    close: () => controller.abort(),
    until: async (match, timeoutMs = 15_000) => {
      const end = Date.now() + timeoutMs;
      while (!match(chunks)) {
        if (Date.now() > end) throw new Error(`stream ${name}: condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
