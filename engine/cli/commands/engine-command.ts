import type { DomainName } from '../../host/create-backend';
import { EXIT, type CliIo } from '../io';
import { pickEngine, type ComposeDeps } from './compose';
import { withBackendSession, type ComposeSession } from './compose-session';

export interface EngineCommand {
  /** The command as the user typed it ("audit", "stack ls"), for the no-engine message. */
  name: string;
  /** The `--engine` flag, if given. */
  engineFlag: string | undefined;
  dataDir: string;
  /** Completes "<name> needs a container engine": what it needs one for. */
  hint: string;
  /** The domains the command uses (its backend loads no other unless called). */
  domains: readonly DomainName[];
}

/**
 * Runs a command that needs a connected engine: picks the engine, opens a one-shot backend (no event-following
 * lists) and a session on it, waits for the connection, runs `body`, prints its errors, and always closes the
 * session, the backend and the store.
 */
export async function withEngineSession(
  command: EngineCommand,
  io: CliIo,
  deps: ComposeDeps,
  body: (session: ComposeSession, engine: string) => Promise<number>,
): Promise<number> {
  const engine = await pickEngine(command.name, command.engineFlag, command.dataDir, deps, command.hint);
  if (typeof engine !== 'string') {
    io.err(`Error: ${engine.error}`);
    return EXIT.failed;
  }
  const store = deps.openStore(command.dataDir);
  return withBackendSession({ dataDir: command.dataDir, store, engineFlag: engine, domains: command.domains }, io, deps, async (session) => {
    await session.connected();
    return body(session, engine);
  });
}
