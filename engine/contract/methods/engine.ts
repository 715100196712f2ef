import { z } from 'zod';
import type { EngineCandidate, EngineStatus, Settings } from '../dto';
import { def, none } from './define';

export const engineMethods = {
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
} as const;
