import type { ComposeDeps } from './commands/compose';
import { AUDIT_USAGE } from './commands/audit-usage';
import { CLUSTER_USAGE } from './commands/cluster-usage';
import { COMPOSE_USAGE } from './commands/compose-usage';
import type { EngineDeps } from './commands/engine';
import { UsageError } from './commands/args';
import type { WebDeps } from './commands/web';
import { TEMPLATE_USAGE } from './commands/template-usage';
import { STACK_USAGE } from './commands/stack-usage';
import { EXIT, type CliIo } from './io';
import { ENGINE_USAGE, MAIN_USAGE, WEB_USAGE } from './usage';

export interface CliDeps {
  version: string;
  /**
   * Built on first use, and each command's modules are loaded only when it runs (dynamic imports, split into
   * chunks by the bundle): `berth --version` loads nothing else, `compose config` no web host.
   */
  web(): Promise<WebDeps>;
  engine(): Promise<EngineDeps>;
  compose(): Promise<ComposeDeps>;
}

const commandUsage: Record<string, string> = {
  web: WEB_USAGE,
  engine: ENGINE_USAGE,
  compose: COMPOSE_USAGE,
  template: TEMPLATE_USAGE,
  cluster: CLUSTER_USAGE,
  audit: AUDIT_USAGE,
  stack: STACK_USAGE,
};

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
        return await (await import('./commands/web')).webCommand(rest, io, await deps.web());
      case 'engine':
        return await (await import('./commands/engine')).engineCommand(rest, io, await deps.engine());
      case 'compose':
        return await (await import('./commands/compose')).composeCommand(rest, io, await deps.compose());
      case 'template':
        return await (await import('./commands/template')).templateCommand(rest, io, await deps.compose());
      case 'cluster':
        return await (await import('./commands/cluster')).clusterCommand(rest, io, await deps.compose());
      case 'audit':
        return await (await import('./commands/audit')).auditCommand(rest, io, await deps.compose());
      case 'stack':
        return await (await import('./commands/stack')).stackCommand(rest, io, await deps.compose());
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
