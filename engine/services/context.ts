import type { EngineCandidate, MethodInput, MethodName, MethodOutput, StreamName } from '../contract';
import type { Caller } from '../base/audit';
import type { Handlers, StreamHandlers } from '../base/handlers';
import type { EventBus } from '../base/event-bus';
import type { SecretBox } from '../base/secrets';
import type { TransferRegistry } from '../base/transfers';
import type { Store } from '../store/types';
import type { EngineManager } from './engine/engine-manager';
import type { LivePolicy } from './common/live-collection';
import type { TaskManager } from './tasks/task-manager';

/** What every domain is built from; assembled once by the composition root (host/create-backend.ts). */
export interface ServiceContext {
  bus: EventBus;
  engine: EngineManager;
  tasks: TaskManager;
  transfers: TransferRegistry;
  store: Store;
  /** Seals registry passwords at rest (OS keychain in the desktop app, a 0600 key file elsewhere). */
  secrets: SecretBox;
  dataDir: string;
  /** Whether live collections follow the engine (false for one-shot commands) and how they coalesce. */
  live: LivePolicy;
  /** Every engine discovery finds, in the user's preference order. */
  engineCandidates: () => Promise<EngineCandidate[]>;
  /**
   * Another domain's method, through the dispatcher (validated, authorized and audited for `caller`): how one
   * domain uses another's use cases without importing its files (ADR 10).
   */
  call: DomainCall;
}

export type DomainCall = <M extends MethodName>(method: M, params: MethodInput<M>, caller: Caller) => Promise<MethodOutput<M>>;

/** The handlers for exactly the methods of one contract method file, e.g. `HandlersOf<typeof imagesMethods>`. */
export type HandlersOf<T> = Pick<Handlers, Extract<keyof T, MethodName>>;
/** The stream handlers for exactly the given stream names. */
export type StreamsOf<N extends StreamName> = Pick<StreamHandlers, N>;

/**
 * What every domain factory returns: `xxxDomain(ctx: ServiceContext): Domain<typeof xxxMethods, 'xxx.stream'>`.
 * The composition root merges the handlers and streams and calls dispose (if any) on shutdown.
 */
export type Domain<M, S extends StreamName = never> = {
  handlers: HandlersOf<M>;
  dispose?: () => void;
} & ([S] extends [never] ? { streams?: undefined } : { streams: StreamsOf<S> });

/** Any domain, as the composition root holds them. */
export interface AnyDomain {
  handlers: Partial<Handlers>;
  streams?: Partial<StreamHandlers> | undefined;
  dispose?: (() => void) | undefined;
}
