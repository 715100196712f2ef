import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from './audit';

/**
 * The caller of the dispatcher call that is running, for the few places that must know who asked without
 * every service passing it along: a transfer ticket is bound to the web session that asked for it.
 */
const scope = new AsyncLocalStorage<Caller>();

export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  return scope.run(caller, fn);
}

export function currentCaller(): Caller | undefined {
  return scope.getStore();
}
