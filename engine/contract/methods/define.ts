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
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

/** `def<Output>()(inputSchema, access)`: the output type is given explicitly, the input inferred from zod. */
export const def =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({
    input,
    access,
    mutates: access !== 'read',
  });

export const none = z.object({}).strict();

/** A Docker object reference (ID, short ID or name). Strict so nothing odd reaches a URL path. */
export const objectRef = (what: string) =>
  z
    .string()
    .min(1, `A ${what} ID or name is required`)
    .max(256)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, `Not a valid ${what} ID or name`);

export const containerRef = objectRef('container');
export const byContainerId = z.object({ id: containerRef }).strict();
