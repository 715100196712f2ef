import type { Handlers, StreamHandlers } from '../base/handlers';
import type { AnyDomain, ServiceContext } from '../services/context';

type HandlersIn<D> = D extends { handlers: infer H } ? H : never;
type StreamsIn<D> = D extends { streams?: infer S } ? (S extends object ? S : never) : never;
type KeysOf<T> = [T] extends [never] ? never : keyof T;
type HandlerKeys<D> = KeysOf<HandlersIn<D>>;
type StreamKeys<D> = KeysOf<StreamsIn<D>>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** The names two domains both handle; `never` when every method and stream has one owner. */
type Overlap<T extends readonly unknown[], Seen = never> = T extends readonly [infer D, ...infer Rest]
  ? ((HandlerKeys<D> | StreamKeys<D>) & Seen) | Overlap<Rest, Seen | HandlerKeys<D> | StreamKeys<D>>
  : never;

type DomainsOf<F extends readonly DomainFactory[]> = { [K in keyof F]: ReturnType<F[K]> };
type DomainFactory = (ctx: ServiceContext) => AnyDomain;

/**
 * Compile-time proof that the domains cover the contract exactly once: every method and stream has a handler
 * (a missing one makes the merged type not assignable to Handlers/StreamHandlers) and none has two.
 * `unknown` when it holds, else an object type the factory list cannot match, naming the problem.
 */
export type CoversContract<
  F extends readonly DomainFactory[],
  T extends readonly AnyDomain[] = DomainsOf<F>,
> = [Overlap<T>] extends [never]
  ? UnionToIntersection<HandlersIn<T[number]>> extends Handlers
    ? UnionToIntersection<StreamsIn<T[number]>> extends StreamHandlers
      ? unknown
      : { error: 'a contract stream has no handler' }
    : { error: 'a contract method has no handler' }
  : { error: 'handled by two domains'; names: Overlap<T> };

export interface BuiltDomains {
  handlers: Handlers;
  streams: StreamHandlers;
  /** Disposes every domain that has something to dispose, last built first. */
  dispose: () => void;
}

/** Builds each domain from the context and merges what they return. */
export function buildDomains<const F extends readonly DomainFactory[]>(
  ctx: ServiceContext,
  factories: F & CoversContract<F>,
): BuiltDomains {
  const domains: AnyDomain[] = [];
  const handlers: Partial<Handlers> = {};
  const streams: Partial<StreamHandlers> = {};
  for (const factory of factories) {
    const domain = factory(ctx);
    domains.push(domain);
    Object.assign(handlers, domain.handlers);
    Object.assign(streams, domain.streams);
  }
  return {
    // CoversContract proved these complete.
    handlers: handlers as Handlers,
    streams: streams as StreamHandlers,
    dispose: () => {
      for (const d of [...domains].reverse()) d.dispose?.();
    },
  };
}
