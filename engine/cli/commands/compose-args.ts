import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseEngineFlag, UsageError } from './args';

export const COMPOSE_COMMANDS = ['up', 'down', 'ps', 'logs', 'config', 'start', 'stop', 'restart', 'pause', 'unpause', 'pull', 'build', 'run', 'ls'] as const;
export type ComposeCommand = (typeof COMPOSE_COMMANDS)[number];

/** Options before the command, as docker compose takes them: which project, and Berth's own --engine/--data-dir. */
export interface ComposeGlobal {
  files: string[];
  projectName?: string;
  projectDirectory?: string;
  envFiles: string[];
  profiles: string[];
  engine?: string;
  dataDir?: string;
}

export interface ComposeInvocation {
  global: ComposeGlobal;
  command: ComposeCommand | 'help';
  /** The command's own flags (booleans and strings as given). */
  flags: Record<string, string | boolean | string[] | undefined>;
  /** Service names (or, for run: the service then the command). */
  args: string[];
}

const GLOBAL: ParseArgsConfig['options'] = {
  file: { type: 'string', short: 'f', multiple: true },
  'project-name': { type: 'string', short: 'p' },
  'project-directory': { type: 'string' },
  'env-file': { type: 'string', multiple: true },
  profile: { type: 'string', multiple: true },
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const timeout = { timeout: { type: 'string', short: 't' } } as const;
const COMMAND_OPTIONS: Record<ComposeCommand, NonNullable<ParseArgsConfig['options']>> = {
  up: {
    detach: { type: 'boolean', short: 'd' },
    'remove-orphans': { type: 'boolean' },
    'force-recreate': { type: 'boolean' },
    'no-recreate': { type: 'boolean' },
    'no-start': { type: 'boolean' },
    build: { type: 'boolean' },
    pull: { type: 'string' },
    scale: { type: 'string', multiple: true },
    wait: { type: 'boolean' },
    'wait-timeout': { type: 'string' },
    ...timeout,
  },
  down: { volumes: { type: 'boolean', short: 'v' }, 'remove-orphans': { type: 'boolean' }, rmi: { type: 'string' }, ...timeout },
  ps: { all: { type: 'boolean', short: 'a' }, quiet: { type: 'boolean', short: 'q' }, format: { type: 'string' }, services: { type: 'boolean' } },
  logs: { follow: { type: 'boolean', short: 'f' }, tail: { type: 'string', short: 'n' }, timestamps: { type: 'boolean', short: 't' }, 'no-color': { type: 'boolean' } },
  config: {
    services: { type: 'boolean' },
    profiles: { type: 'boolean' },
    images: { type: 'boolean' },
    volumes: { type: 'boolean' },
    networks: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  start: {},
  stop: { ...timeout },
  restart: { ...timeout },
  pause: {},
  unpause: {},
  pull: {},
  build: { 'no-cache': { type: 'boolean' } },
  run: {
    rm: { type: 'boolean' },
    detach: { type: 'boolean', short: 'd' },
    name: { type: 'string' },
    env: { type: 'string', short: 'e', multiple: true },
    'no-deps': { type: 'boolean' },
    'service-ports': { type: 'boolean' },
    entrypoint: { type: 'string' },
    user: { type: 'string', short: 'u' },
    workdir: { type: 'string', short: 'w' },
    'no-TTY': { type: 'boolean', short: 'T' },
  },
  ls: { all: { type: 'boolean', short: 'a' }, format: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
};

const isCommand = (s: string): s is ComposeCommand => (COMPOSE_COMMANDS as readonly string[]).includes(s);

/** A flag's text when it was given one (`--tail 10`), else undefined (absent, or given as a switch). */
export const flagText = (v: ComposeInvocation['flags'][string]): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `berth compose [global options] COMMAND [options] [SERVICE...]`. Global options come before the command, as
 * with docker compose; `run` stops reading options at the service name, so the command keeps its own flags.
 */
export function parseComposeArgs(argv: string[], cwd: string): ComposeInvocation {
  const at = argv.findIndex((a, i) => isCommand(a) && !takesValue(argv[i - 1]));
  const before = at < 0 ? argv : argv.slice(0, at);
  const { values, positionals } = parseArgs({ args: before, options: GLOBAL, strict: true, allowPositionals: true });
  const g = values as Record<string, string | string[] | boolean | undefined>;
  const global: ComposeGlobal = {
    files: ((g.file as string[] | undefined) ?? []).map((f) => path.resolve(cwd, f)),
    envFiles: ((g['env-file'] as string[] | undefined) ?? []).map((f) => path.resolve(cwd, f)),
    profiles: (g.profile as string[] | undefined) ?? [],
    ...(typeof g['project-name'] === 'string' ? { projectName: validProjectName(g['project-name']) } : {}),
    ...(typeof g['project-directory'] === 'string' ? { projectDirectory: path.resolve(cwd, g['project-directory']) } : {}),
    ...(typeof g.engine === 'string' ? { engine: parseEngineFlag(g.engine) } : {}),
    ...(typeof g['data-dir'] === 'string' ? { dataDir: g['data-dir'] } : {}),
  };
  if (at < 0) {
    if (g.help || positionals.length === 0) return { global, command: 'help', flags: {}, args: [] };
    throw new UsageError(`Unknown compose command: ${positionals[0] ?? ''}. Use one of ${COMPOSE_COMMANDS.join(', ')}.`);
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument before the command: ${positionals.join(' ')}`);
  const command = argv[at] as ComposeCommand;
  const rest = argv.slice(at + 1);
  const options = { ...COMMAND_OPTIONS[command], help: { type: 'boolean', short: 'h' } } as NonNullable<ParseArgsConfig['options']>;
  const toParse = command === 'run' ? untilService(rest, options) : rest;
  const parsed = parseArgs({ args: toParse, options, strict: true, allowPositionals: true });
  const flags = parsed.values as ComposeInvocation['flags'];
  if (flags.help) return { global, command: 'help', flags: {}, args: [command] };
  const args = command === 'run' ? [...parsed.positionals, ...rest.slice(toParse.length)] : parsed.positionals;
  checkFlags(command, flags, args);
  return { global, command, flags, args };
}

function takesValue(prev: string | undefined): boolean {
  return prev !== undefined && /^(-f|--file|-p|--project-name|--project-directory|--env-file|--profile|--engine|--data-dir)$/.test(prev);
}

/** `run`'s options end at the service name: everything after it is the command to run. */
function untilService(rest: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!a.startsWith('-')) return rest.slice(0, i + 1);
    if (a === '--') return rest.slice(0, i);
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : Object.keys(options).find((k) => options[k]?.short === a.slice(1, 2));
    const takes = name !== undefined && options[name]?.type === 'string' && !a.includes('=') && !(a.length > 2 && !a.startsWith('--'));
    if (takes) i++;
  }
  return rest;
}

function validProjectName(name: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new UsageError(`"${name}" is not a valid project name: use lowercase letters, digits, "-" and "_", starting with a letter or digit.`);
  }
  return name;
}

export function parseTimeout(value: unknown, flag = '--timeout'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number of seconds, not ${JSON.stringify(value)}.`);
  return Number(value);
}

/** --scale web=3 → { web: 3 }. */
export function parseScale(values: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of Array.isArray(values) ? (values as string[]) : []) {
    const m = /^([a-zA-Z0-9._-]+)=(\d+)$/.exec(v);
    if (!m) throw new UsageError(`--scale takes SERVICE=NUMBER, not "${v}".`);
    out[m[1] ?? ''] = Number(m[2]);
  }
  return out;
}

function checkFlags(command: ComposeCommand, flags: ComposeInvocation['flags'], args: string[]): void {
  if (flags['force-recreate'] && flags['no-recreate']) throw new UsageError('--force-recreate and --no-recreate cannot be combined.');
  if (flags.pull !== undefined && !['missing', 'always', 'never'].includes(String(flags.pull))) {
    throw new UsageError(`--pull must be missing, always or never, not "${String(flags.pull)}".`);
  }
  if (flags.rmi !== undefined && !['local', 'all'].includes(String(flags.rmi))) throw new UsageError(`--rmi must be local or all, not "${String(flags.rmi)}".`);
  if (flags.tail !== undefined && !/^(\d+|all)$/.test(String(flags.tail))) throw new UsageError(`--tail must be a number or "all", not "${String(flags.tail)}".`);
  if (command === 'run' && args.length === 0) throw new UsageError('run needs a service name: berth compose run [options] SERVICE [COMMAND...]');
  if (command === 'down' && args.length > 0) throw new UsageError('down takes no service names; it takes the whole project down.');
  parseTimeout(flags.timeout);
  if (parseTimeout(flags['wait-timeout'], '--wait-timeout') === 0) throw new UsageError('--wait-timeout must be at least 1 second.');
  parseScale(flags.scale);
}
