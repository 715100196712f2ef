import { createBackend } from '../../host/create-backend';
import { openMemoryStore, openStore } from '../../store/sqlite';
import type { ComposeDeps } from '../commands/compose';

/**
 * Test support: the real backend and store for a command run in-process, with `--engine` always given (engine
 * discovery refuses) and no shutdown signal.
 */
export function realCommandDeps(cwd: string): ComposeDeps {
  return {
    openStore,
    openMemoryStore,
    createBackend,
    engines: () => Promise.reject(new Error('--engine is given')),
    waitForShutdownSignal: () => new Promise<string>(() => undefined),
    cwd,
  };
}
