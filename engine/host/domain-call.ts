import { ErrorCode, type MethodInput, type MethodName, type MethodOutput } from '../contract';
import type { Caller } from '../base/audit';
import { BerthError } from '../base/errors';
import type { DomainCall } from '../services/context';
import type { Dispatch } from './dispatcher';

/**
 * The `ctx.call` of the services: built before the dispatcher exists (the domains are built first), bound to it
 * once it does. A failed call throws the callee's error data as a BerthError, so it reaches the caller unchanged.
 */
export function lateBoundCall(): { call: DomainCall; bind(dispatch: Dispatch): void } {
  let dispatch: Dispatch | undefined;
  async function call<M extends MethodName>(method: M, params: MethodInput<M>, caller: Caller): Promise<MethodOutput<M>> {
    if (!dispatch) throw new BerthError(ErrorCode.INTERNAL, `${method} was called before the backend was assembled.`);
    const r = await dispatch(method, params, caller);
    if (!r.ok) throw new BerthError(r.error.code, r.error.message, r.error.details);
    return r.value as MethodOutput<M>;
  }
  return {
    call,
    bind: (d) => {
      dispatch = d;
    },
  };
}
