import { z } from 'zod';
import type { EngineCandidate, EngineStatus, EngineVersion, Settings } from '../dto';
import { def, none } from './define';

export const engineMethods = {
  'engine.status': def<EngineStatus>()(none, 'read'),
  /** Every engine discovery found, in preference order (for the engine picker in settings). */
  'engine.candidates': def<EngineCandidate[]>()(none, 'read'),
  /**
   * Asks one of those candidates (by id) whether it answers and what it is: one bounded GET /version, with no
   * connection or event stream kept. Only discovered engines, so a caller cannot aim the backend anywhere.
   */
  'engine.probe': def<EngineVersion>()(z.object({ id: z.string().min(1).max(4200) }).strict(), 'read'),
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
} as const;
