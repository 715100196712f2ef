import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineCandidate, EngineVersion } from '../contract';
import { createBackend } from '../host/create-backend';
import { DATABASE_FILE, openMemoryStore, openStore } from '../store/sqlite';
import { ComposeSession } from './commands/compose-session';
import type { EngineQueries } from './commands/engine';

/**
 * Engine discovery and probes for one data directory, asked through the dispatcher of a backend that never
 * connects: `berth engine status` (and compose's engine pick) only ask which engines there are and whether one
 * answers, without the event stream a connection opens. Read-only: where there is no database, settings come
 * from a memory store, so a status query does not create one.
 */
export async function engineQueries(dataDir: string): Promise<EngineQueries> {
  const store = existsSync(join(dataDir, DATABASE_FILE)) ? openStore(dataDir) : openMemoryStore();
  const backend = await createBackend({ dataDir, store, connect: false, liveCollections: false, domains: ['engine'] });
  const session = new ComposeSession(backend);
  return {
    candidates: () => session.call<EngineCandidate[]>('engine.candidates', {}),
    probe: (candidate) => session.call<EngineVersion>('engine.probe', { id: candidate.id }),
    close: async () => {
      session.close();
      await backend.dispose();
      store.close();
    },
  };
}
