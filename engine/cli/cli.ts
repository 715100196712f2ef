import { composeCommand, type ComposeDeps } from './commands/compose';
import { COMPOSE_USAGE } from './commands/compose-usage';
import { engineCommand, type EngineDeps } from './commands/engine';
import { UsageError } from './commands/args';
import { webCommand, type WebDeps } from './commands/web';
import { templateCommand } from './commands/template';
import { TEMPLATE_USAGE } from './commands/template-usage';
import { EXIT, type CliIo } from './io';
import { ENGINE_USAGE, MAIN_USAGE, WEB_USAGE } from './usage';

export interface CliDeps {
  version: string;
  /** Built on first use, so `berth --help` does not open databases or sockets. */
  web(): WebDeps;
  engine(): EngineDeps;
  compose(): ComposeDeps;
}

const commandUsage: Record<string, string> = { web: WEB_USAGE, engine: ENGINE_USAGE, compose: COMPOSE_USAGE, template: TEMPLATE_USAGE };

/** Runs one `berth` invocation and resolves with its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.err(MAIN_USAGE);
        return EXIT.usage;
      case '-h':
      case '--help':
        io.out(MAIN_USAGE);
        return EXIT.ok;
      case 'help': {
        const topic = rest[0];
        io.out(topic !== undefined && commandUsage[topic] ? commandUsage[topic] : MAIN_USAGE);
        return EXIT.ok;
      }
      case '-v':
      case '--version':
        io.out(deps.version);
        return EXIT.ok;
      case 'web':
        return await webCommand(rest, io, deps.web());
      case 'engine':
        return await engineCommand(rest, io, deps.engine());
      case 'compose':
        return await composeCommand(rest, io, deps.compose());
      case 'template':
        return await templateCommand(rest, io, deps.compose());
      default:
        io.err(`Unknown command: ${command}`);
        io.err(MAIN_USAGE);
        return EXIT.usage;
    }
  } catch (err) {
    if (isUsageError(err)) {
      io.err(err.message);
      io.err(commandUsage[command ?? ''] ?? MAIN_USAGE);
      return EXIT.usage;
    }
    io.err(
      `berth ${command ?? ''} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return EXIT.failed;
  }
}

/** Our own UsageError, or one of node:util parseArgs' errors (unknown option, missing value, ...). */
function isUsageError(err: unknown): err is Error {
  if (err instanceof UsageError) return true;
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
