import type { Dispatch } from './dispatcher';
import type { EventBus } from './event-bus';

/**
 * What every host (Electron IPC, web, CLI) receives from the composition root: one dispatcher for calls,
 * one bus for pushed events, and a disposer that stops everything the backend owns (engine connection,
 * event stream, an embedded engine it started).
 */
export interface Backend {
  dispatch: Dispatch;
  bus: EventBus;
  dispose(): Promise<void>;
}
