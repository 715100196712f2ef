import { ErrorCode, fail, isMethodName, methods, roleAllows, type MethodDef, type Result } from '../contract';
import type { z } from 'zod';
import type { AuditEntry, Caller } from '../base/audit';
import { runAsCaller } from '../base/caller-scope';
import { toErrorData } from '../base/errors';
import type { Handlers } from '../base/handlers';

export interface DispatcherOptions {
  /** Called after every mutating call (success or failure). */
  audit?: (entry: AuditEntry) => void;
}

export type Dispatch = (method: unknown, params: unknown, caller: Caller) => Promise<Result<unknown>>;

/**
 * validate → authorize → call → result. The only entry point from any host into the services.
 * It never throws and never rejects.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, params, caller) => {
    if (!isMethodName(method)) {
      return fail(ErrorCode.METHOD_NOT_FOUND, `Unknown method: ${String(method).slice(0, 100)}`);
    }
    const def = methods[method] as MethodDef<z.ZodType, unknown>;
    if (!roleAllows(caller.role, def.access)) {
      return fail(ErrorCode.FORBIDDEN, `Your role (${caller.role}) may not call ${method}.`);
    }
    const parsed = def.input.safeParse(params ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = issues[0];
      return fail(
        ErrorCode.INVALID_ARGUMENT,
        first ? `Invalid ${first.path || 'arguments'}: ${first.message}` : 'Invalid arguments',
        issues,
      );
    }
    // Some parameters turn an operator's call into host-level power (a privileged container, a host bind mount).
    if (def.adminWhen?.(parsed.data) && !roleAllows(caller.role, 'admin')) {
      return fail(
        ErrorCode.FORBIDDEN,
        `Your role (${caller.role}) may not call ${method} with these settings: they give power over the host (admin only).`,
      );
    }
    let result: Result<unknown>;
    try {
      const handler = handlers[method] as (p: unknown, c: Caller) => Promise<unknown>;
      // The caller is also in scope for what the handler starts (transfer tickets bind to its session).
      const value = await runAsCaller(caller, () => handler(parsed.data, caller));
      const shown = def.forViewers && !roleAllows(caller.role, 'operate') ? def.forViewers(value) : value;
      result = { ok: true, value: shown ?? null };
    } catch (err) {
      result = { ok: false, error: toErrorData(err) };
    }
    if (def.mutates && options.audit) {
      try {
        options.audit({
          at: Date.now(),
          caller,
          method,
          params: parsed.data,
          ok: result.ok,
          ...(result.ok ? {} : { errorCode: result.error.code }),
        });
      } catch (err) {
        console.error('[berth] audit failed:', err);
      }
    }
    return result;
  };
}
