import { streams, type StreamName } from '../contract';
import type { AuditEntry } from '../base/audit';
import type { StreamContext, StreamHandlers } from '../base/handlers';

type AnyStreamHandler = (ctx: StreamContext<StreamName>) => Promise<void>;

/**
 * Wraps the stream handlers so that opening a mutating stream (a terminal, a `compose run` one-off) is written to
 * the audit log like a mutating call. The handler runs only after the StreamHost validated and authorized the
 * open, so the entry carries the validated parameters; it is written before the stream acts on the engine.
 */
export function auditedStreams(handlers: StreamHandlers, audit: (entry: AuditEntry) => void): StreamHandlers {
  const wrapped: Partial<Record<StreamName, AnyStreamHandler>> = {};
  for (const name of Object.keys(handlers) as StreamName[]) {
    const handler: AnyStreamHandler = handlers[name];
    wrapped[name] = streams[name].mutates
      ? (ctx) => {
          try {
            audit({ at: Date.now(), caller: ctx.caller, method: name, params: ctx.params, ok: true });
          } catch (err) {
            // Like the dispatcher: a failing audit store must not take the feature down with it.
            console.error('[berth] audit failed:', err);
          }
          return handler(ctx);
        }
      : handler;
  }
  return wrapped as StreamHandlers;
}
