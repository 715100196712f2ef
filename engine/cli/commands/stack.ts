import path from 'node:path';
import { parseArgs } from 'node:util';
import type { StackDetails, StackSummary, SwarmNode, SwarmStatus, SwarmTask, TaskInfo } from '../../contract';
import { BerthError } from '../../base/errors';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { UsageError } from './args';
import type { ComposeDeps } from './compose';
import { withEngineSession } from './engine-command';
import { errorLines, type ComposeSession } from './compose-session';
import { stackLsTable, stackPsTable, stackServicesTable } from './stack-output';
import { STACK_USAGE } from './stack-usage';

const OPTIONS = {
  'compose-file': { type: 'string', short: 'c', multiple: true },
  'env-file': { type: 'string', multiple: true },
  prune: { type: 'boolean' },
  'no-trunc': { type: 'boolean' },
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
type Values = ReturnType<typeof parse>['values'];

const SUBCOMMANDS = new Set(['deploy', 'up', 'ls', 'list', 'services', 'ps', 'rm', 'remove', 'down']);
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `berth stack ...`: the stacks domain through the dispatcher, printed like `docker stack`. */
export async function stackCommand(argv: string[], io: CliIo, deps: ComposeDeps): Promise<number> {
  const { values, positionals } = parse(argv);
  const [sub, ...names] = positionals;
  if (values.help || sub === 'help') {
    io.out(STACK_USAGE);
    return EXIT.ok;
  }
  if (sub === undefined || !SUBCOMMANDS.has(sub)) throw new UsageError(sub === undefined ? 'berth stack needs a command.' : `Unknown stack command: ${sub}`);
  checkArguments(sub, names, values);
  const dataDir = resolveDataDir(values['data-dir'], io);
  const command = { name: `stack ${sub}`, engineFlag: values.engine, dataDir, hint: 'Stacks need a swarm manager.', domains: ['engine', 'tasks', 'swarm', 'stacks'] } as const;
  return withEngineSession(command, io, deps, async (session, engine) => {
    await requireManager(session, engine);
    return run(sub, names, values, session, io, deps);
  });
}

function checkArguments(sub: string, names: string[], values: Values): void {
  const isDeploy = sub === 'deploy' || sub === 'up';
  if (!isDeploy && (values['compose-file'] || values['env-file'] || values.prune)) throw new UsageError(`-c, --env-file and --prune belong to berth stack deploy.`);
  if (sub === 'ls' || sub === 'list') {
    if (names.length) throw new UsageError(`Unexpected argument: ${names.join(' ')}`);
  } else if (sub === 'rm' || sub === 'remove' || sub === 'down') {
    if (!names.length) throw new UsageError(`berth stack ${sub} needs the name of a stack.`);
  } else if (names.length !== 1) {
    throw new UsageError(`berth stack ${sub} needs exactly one stack name${names.length ? `, not ${names.length}` : ''}.`);
  }
  if (isDeploy && !values['compose-file']?.length) throw new UsageError('berth stack deploy needs a compose file: -c FILE.');
}

async function requireManager(session: ComposeSession, engine: string): Promise<void> {
  const status = await session.call<SwarmStatus>('swarm.status', {});
  if (status.isManager) return;
  const why = status.state === 'active' ? 'is a swarm worker, not a manager' : status.state === 'inactive' ? 'is not part of a swarm' : `is not a swarm manager (swarm state: ${status.state}${status.error ? `, ${status.error}` : ''})`;
  throw new BerthError(
    'UNAVAILABLE',
    `The engine at ${engine} ${why}. Stacks are deployed through a manager: pass --engine with a manager's address, create a local cluster (berth cluster create), or run docker swarm init.`,
  );
}

async function run(sub: string, names: string[], values: Values, session: ComposeSession, io: CliIo, deps: ComposeDeps): Promise<number> {
  const name = names[0] ?? '';
  switch (sub) {
    case 'ls':
    case 'list':
      stackLsTable(await session.call<StackSummary[]>('stacks.list', {})).forEach((l) => io.out(l));
      return EXIT.ok;
    case 'services':
      stackServicesTable((await inspect(session, name)).serviceItems).forEach((l) => io.out(l));
      return EXIT.ok;
    case 'ps': {
      const ids = new Set((await inspect(session, name)).serviceItems.map((s) => s.id));
      const [tasks, nodes] = await Promise.all([session.call<SwarmTask[]>('swarmTasks.list', {}), session.call<SwarmNode[]>('nodes.list', {})]);
      stackPsTable(tasks.filter((t) => ids.has(t.serviceId)), nodes, values['no-trunc'] === true).forEach((l) => io.out(l));
      return EXIT.ok;
    }
    case 'rm':
    case 'remove':
    case 'down': {
      let failed = false;
      for (const n of names) {
        // As docker stack rm: a stack with nothing left is an error for that name, and the others still go.
        if (!(await session.call<StackSummary[]>('stacks.list', {})).some((s) => s.name === n)) {
          io.err(`Nothing found in stack: ${n}`);
          failed = true;
          continue;
        }
        io.out(`Removing stack ${n}`);
        failed = !finished(await session.runTask('stacks.remove', { name: n }, (l) => io.out(l)), `remove stack ${n}`, io) || failed;
      }
      return failed ? EXIT.failed : EXIT.ok;
    }
    default:
      return deploy(name, values, session, io, deps);
  }
}

async function inspect(session: ComposeSession, name: string): Promise<StackDetails> {
  try {
    return await session.call<StackDetails>('stacks.inspect', { name });
  } catch (err) {
    if (err instanceof BerthError && err.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `Nothing found in stack: ${name}`);
    throw err;
  }
}

async function deploy(name: string, values: Values, session: ComposeSession, io: CliIo, deps: ComposeDeps): Promise<number> {
  const files = (values['compose-file'] ?? []).map((f) => path.resolve(deps.cwd, f));
  const envFiles = (values['env-file'] ?? []).map((f) => path.resolve(deps.cwd, f));
  // Interpolation sees the user's environment, as docker stack deploy does; the backend never reads its own.
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => typeof e[1] === 'string' && VARIABLE.test(e[0]) && e[1].length <= 100_000));
  const source = { files, workingDir: path.dirname(files[0] ?? deps.cwd), env, ...(envFiles.length ? { envFiles } : {}) };
  const interrupt = new AbortController();
  void deps.waitForShutdownSignal().then(() => interrupt.abort());
  const onLine = (line: string) => (line.startsWith('WARN ') ? io.err(line.slice(5)) : io.out(line));
  const task = await session.runTask('stacks.deploy', { name, source, prune: values.prune === true }, onLine, interrupt.signal);
  return finished(task, `deploy stack ${name}`, io) ? EXIT.ok : EXIT.failed;
}

/** The task's failed steps and error on stderr; true when it succeeded. */
function finished(task: TaskInfo, what: string, io: CliIo): boolean {
  if (task.state === 'succeeded') return true;
  for (const s of task.steps ?? []) if (s.state === 'failed') io.err(` ✘ ${s.label}${s.detail ? `  ${s.detail}` : ''}`);
  for (const line of errorLines(task.error ?? new BerthError('INTERNAL', `Could not ${what}: the task ${task.state}.`))) io.err(line);
  return false;
}
