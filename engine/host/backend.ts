import type { Dispatch } from './dispatcher';
import type { EventBus } from '../base/event-bus';
import type { StreamHandlers } from '../base/handlers';
import type { TransferRegistry } from '../base/transfers';

/**
 * What every host (Electron IPC, web, CLI) receives from the composition root: one dispatcher for calls,
 * stream handlers, transfer tickets, one bus for pushed events, and a disposer that stops everything the backend owns (engine connection,
 * event stream, an embedded engine it started).
 */
export interface Backend {
  dispatch: Dispatch;
  /** Stream handlers for a per-connection StreamHost (logs, stats, terminal, task logs). */
  streams: StreamHandlers;
  /** One-time tickets for downloads and uploads, served by each host at HTTP_PATHS.transfer. */
  transfers: TransferRegistry;
  bus: EventBus;
  dispose(): Promise<void>;
}
