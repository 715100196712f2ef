import type { MethodName, StreamName } from '../contract';
import type { Handlers } from '../base/handlers';
import type { EventBus } from '../base/event-bus';
import type { StreamHandlers } from '../base/handlers';
import type { TransferRegistry } from '../base/transfers';
import type { Store } from '../store/types';
import type { EngineManager } from './engine/engine-manager';
import type { TaskManager } from './tasks/task-manager';

/** What every domain service is built from; assembled once by the composition root (host/create-backend.ts). */
export interface ServiceContext {
  bus: EventBus;
  engine: EngineManager;
  tasks: TaskManager;
  transfers: TransferRegistry;
  store: Store;
  dataDir: string;
}

/** The handlers of one domain: every method whose name starts with `${prefix}.`. */
export type DomainHandlers<P extends string> = Pick<Handlers, Extract<MethodName, `${P}.${string}`>>;
/** The stream handlers of one domain. */
export type DomainStreams<P extends string> = Pick<StreamHandlers, Extract<StreamName, `${P}.${string}`>>;

/** The handlers for exactly the methods of one contract method file, e.g. `HandlersOf<typeof imagesMethods>`. */
export type HandlersOf<T> = Pick<Handlers, Extract<keyof T, MethodName>>;
/** The stream handlers for exactly the given stream names. */
export type StreamsOf<N extends StreamName> = Pick<StreamHandlers, N>;
