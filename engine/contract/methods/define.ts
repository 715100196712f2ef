import { z } from 'zod';

/**
 * Who may call a method. Checked by the dispatcher against the caller's role:
 * viewer → read; operator → read + operate; admin → everything.
 */
export type Access = 'read' | 'operate' | 'admin';

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Mutating calls are written to the audit log (web mode). */
  mutates: boolean;
  /**
   * Parameters that turn this call into host-level power (a privileged container, a bind mount of a host
   * path, ...): then it needs 'admin' whatever `access` says. Checked after validation.
   */
  adminWhen?: (params: z.output<I>) => boolean;
  /** What a caller below 'operate' (a viewer) gets instead of the value: secrets removed. */
  forViewers?: (value: O) => O;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

/** `def<Output>()(inputSchema, access)`: the output type is given explicitly, the input inferred from zod. */
export const def =
  <O>() =>
  <I extends z.ZodType>(
    input: I,
    access: Access,
    rules: Partial<Pick<MethodDef<I, O>, 'adminWhen' | 'forViewers' | 'mutates'>> = {},
  ): MethodDef<I, O> => ({
    input,
    access,
    mutates: access !== 'read',
    ...rules,
  });

export const none = z.object({}).strict();

/** What a redacted secret reads as, wherever one is shown without its value. */
export const REDACTED_VALUE = '••••••';

/** A Docker object reference (ID, short ID or name). Strict so nothing odd reaches a URL path. */
export const objectRef = (what: string) =>
  z
    .string()
    .min(1, `A ${what} ID or name is required`)
    .max(256)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, `Not a valid ${what} ID or name`);

export const containerRef = objectRef('container');
export const byContainerId = z.object({ id: containerRef }).strict();
