import { writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { ComposeConfigResult } from '../../contract';
import { EXIT, type CliIo } from '../io';
import { UsageError } from './args';
import type { ComposeInvocation } from './compose-args';

type Flags = ComposeInvocation['flags'];
interface ResolvedModel {
  services?: Record<string, { image?: string }>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

/**
 * Prints `berth compose config` the way docker compose does: warnings on stderr, then the resolved model (YAML or
 * --format json, to -o FILE), or one of its lists (--services, --profiles, --images, --volumes, --networks);
 * -q prints nothing and only validates. Needs no engine: the caller loads the project offline.
 */
export async function printConfig(cfg: ComposeConfigResult, flags: Flags, io: CliIo): Promise<number> {
  const format = typeof flags.format === 'string' ? flags.format : 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format must be yaml or json, not "${format}".`);
  for (const w of cfg.warnings) io.err(`WARN ${w}`);
  if (flags.quiet) return EXIT.ok;
  const lines = listOf(cfg, flags);
  if (lines) {
    lines.forEach((l) => io.out(l));
    return EXIT.ok;
  }
  const text = format === 'json' ? JSON.stringify(parse(cfg.yaml), null, 2) : cfg.yaml.trimEnd();
  if (typeof flags.output === 'string') await writeFile(flags.output, `${text}\n`);
  else io.out(text);
  return EXIT.ok;
}

function listOf(cfg: ComposeConfigResult, flags: Flags): string[] | undefined {
  if (flags.services) return cfg.services;
  if (flags.profiles) return cfg.profiles;
  if (!flags.images && !flags.volumes && !flags.networks) return undefined;
  const model = parse(cfg.yaml) as ResolvedModel;
  // compose names a service's image <project>-<service> when it has none (it is built).
  if (flags.images) return Object.entries(model.services ?? {}).map(([name, s]) => s.image ?? `${cfg.name}-${name}`);
  return Object.keys((flags.volumes ? model.volumes : model.networks) ?? {});
}
