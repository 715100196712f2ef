import { methodNames, streams as streamDefs, type StreamName } from '../contract';
import type { Handlers, StreamHandlers } from '../base/handlers';
import type { AnyDomain, ServiceContext } from '../services/context';

type HandlersIn<D> = D extends { handlers: infer H } ? H : never;
type StreamsIn<D> = D extends { streams?: infer S } ? (S extends object ? S : never) : never;
type KeysOf<T> = [T] extends [never] ? never : keyof T;
type NamesIn<D> = KeysOf<HandlersIn<D>> | KeysOf<StreamsIn<D>>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

export type DomainFactory = (ctx: ServiceContext) => AnyDomain;
/** Domain name → a loader of its factory (a dynamic import, so each domain is its own chunk in the bundles). */
export type DomainLoaders = Record<string, () => Promise<DomainFactory>>;

/** What each loader's factory builds. */
type DomainsOf<L> = {
  [K in keyof L]: L[K] extends () => Promise<infer F>
    ? F extends (ctx: ServiceContext) => infer D
      ? D
      : never
    : never;
};
/** The names a domain handles that another domain of the table handles too; `never` when each has one owner. */
type Overlap<T> = {
  [K in keyof T]: NamesIn<T[K]> & { [J in Exclude<keyof T, K>]: NamesIn<T[J]> }[Exclude<keyof T, K>];
}[keyof T];

/**
 * Compile-time proof that the domains of a table cover the contract exactly once: every method and stream has a
 * handler (a missing one makes the merged type not assignable to Handlers/StreamHandlers) and none has two.
 * `unknown` when it holds, else an object type the table cannot match, naming the problem.
 */
export type CoversContract<L, T = DomainsOf<L>> = [Overlap<T>] extends [never]
  ? UnionToIntersection<HandlersIn<T[keyof T]>> extends Handlers
    ? UnionToIntersection<StreamsIn<T[keyof T]>> extends StreamHandlers
      ? unknown
      : { error: 'a contract stream has no handler' }
    : { error: 'a contract method has no handler' }
  : { error: 'handled by two domains'; names: Overlap<T> };

export interface BuiltDomains {
  /** Every contract method: a loaded domain's handler, or one that loads the other domains on its first call. */
  handlers: Handlers;
  /** Every contract stream, the same way. */
  streams: StreamHandlers;
  /** Disposes every built domain that has something to dispose, last built first; nothing loads after it. */
  dispose: () => void;
}

type AnyFn = (...args: never[]) => Promise<unknown>;

/**
 * Builds the domains named in `first` from the context, and merges what they return. A method or stream of a
 * domain not built yet still answers: its first call loads and builds every remaining domain of the table (a
 * one-shot command names the domains it uses, so it never loads the others; a call outside them is slower, never
 * wrong). Hosts that serve everything name every domain.
 */
export async function buildDomains<L extends DomainLoaders>(
  ctx: ServiceContext,
  loaders: L & CoversContract<L>,
  first: readonly NoInfer<keyof L & string>[],
): Promise<BuiltDomains> {
  const built: AnyDomain[] = [];
  const loading = new Map<string, Promise<void>>();
  const handlers: Record<string, AnyFn> = {};
  const streams: Record<string, AnyFn> = {};
  let disposed = false;

  // Imports run together; factories run in the order given, so the build order stays the table's.
  const load = async (names: readonly string[]): Promise<void> => {
    const todo = names.filter((n) => !loading.has(n));
    const imports = todo.map(
      (n) => (loaders as DomainLoaders)[n]?.() ?? Promise.reject(new Error(`Unknown domain: ${n}`)),
    );
    const done = Promise.all(imports).then((factories) => {
      if (disposed) return;
      for (const factory of factories) {
        const domain = factory(ctx);
        built.push(domain);
        Object.assign(handlers, domain.handlers);
        Object.assign(streams, domain.streams);
      }
    });
    for (const n of todo) loading.set(n, done);
    await Promise.all(names.map((n) => loading.get(n) ?? Promise.resolve()));
  };

  const onDemand = (table: Record<string, AnyFn>, name: string): AnyFn => {
    const stub: AnyFn = async (...args) => {
      if (disposed) throw new Error(`The backend is shut down: ${name} cannot be called.`);
      await load(Object.keys(loaders));
      const real = table[name];
      if (!real || real === stub) throw new Error(`No domain handles ${name}.`);
      return real(...args);
    };
    return stub;
  };
  for (const m of methodNames) handlers[m] = onDemand(handlers, m);
  for (const s of Object.keys(streamDefs) as StreamName[]) streams[s] = onDemand(streams, s);

  await load(first);
  return {
    // CoversContract proved the table complete; names not built yet hold their on-demand loaders.
    handlers: handlers as unknown as Handlers,
    streams: streams as unknown as StreamHandlers,
    dispose: () => {
      disposed = true;
      for (const d of [...built].reverse()) d.dispose?.();
    },
  };
}
