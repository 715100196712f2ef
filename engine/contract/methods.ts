import { z } from 'zod';
import type { ContainerSummary, EngineCandidate, EngineStatus, Settings } from './dto';

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

const def =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({
    input,
    access,
    mutates: access !== 'read',
  });

const none = z.object({}).strict();
/** A container reference: full or short ID, or name. Kept strict so nothing odd reaches a URL path. */
export const containerRef = z
  .string()
  .min(1, 'A container ID or name is required')
  .max(256)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid container ID or name');
const byId = z.object({ id: containerRef }).strict();

export const methods = {
  'engine.status': def<EngineStatus>()(none, 'read'),
  /** Every engine discovery found, in preference order (for the engine picker in settings). */
  'engine.candidates': def<EngineCandidate[]>()(none, 'read'),
  /** Drop the current connection and connect again now (skips the backoff wait). */
  'engine.reconnect': def<EngineStatus>()(none, 'operate'),

  'settings.get': def<Settings>()(none, 'read'),
  /** Changing engine.preferred reconnects to the chosen engine. */
  'settings.update': def<Settings>()(
    z
      .object({
        engine: z
          .object({
            preferred: z
              .string()
              .max(2048)
              .regex(
                /^(auto|embedded|(unix|tcp|ssh|npipe):\/\/.+)$/,
                "Use 'auto', 'embedded' or an engine URL such as unix:///var/run/docker.sock",
              ),
          })
          .strict()
          .optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
      })
      .strict(),
    'admin',
  ),

  'containers.list': def<ContainerSummary[]>()(none, 'read'),
  'containers.start': def<void>()(byId, 'operate'),
  'containers.stop': def<void>()(
    z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    'operate',
  ),
  'containers.restart': def<void>()(
    z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    'operate',
  ),
  'containers.pause': def<void>()(byId, 'operate'),
  'containers.unpause': def<void>()(byId, 'operate'),
  'containers.remove': def<void>()(
    z.object({ id: containerRef, force: z.boolean().optional(), volumes: z.boolean().optional() }).strict(),
    'operate',
  ),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** The input after validation and defaults: what a service handler receives. */
export type MethodParams<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
