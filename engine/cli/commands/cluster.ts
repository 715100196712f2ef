import { parseArgs } from 'node:util';
import type { LocalClusterStatus, TaskInfo } from '../../contract';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { UsageError } from './args';
import { CLUSTER_USAGE } from './cluster-usage';
import { pickEngine, type ComposeDeps } from './compose';
import { table } from './compose-output';
import { withBackendSession } from './compose-session';

const OPTIONS = {
  nodes: { type: 'string' },
  managers: { type: 'string' },
  mechanism: { type: 'string' },
  'dind-image': { type: 'string' },
  json: { type: 'boolean' },
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
type Values = ReturnType<typeof parse>['values'];

const SUBCOMMANDS = new Set(['create', 'status', 'start', 'load-image', 'destroy']);

/** `berth cluster ...`: the cluster domain through the dispatcher, like every host. */
export async function clusterCommand(argv: string[], io: CliIo, deps: ComposeDeps): Promise<number> {
  const { values, positionals } = parse(argv);
  const [sub, ...args] = positionals;
  if (values.help || sub === 'help') {
    io.out(CLUSTER_USAGE);
    return EXIT.ok;
  }
  if (sub === undefined || !SUBCOMMANDS.has(sub)) throw new UsageError(sub === undefined ? 'berth cluster needs a command.' : `Unknown cluster command: ${sub}`);
  const params = sub === 'create' ? createParams(values) : undefined;
  if (sub === 'load-image' && args.length !== 1) throw new UsageError('Usage: berth cluster load-image IMAGE');
  if (sub !== 'load-image' && args.length) throw new UsageError(`Unexpected argument: ${args.join(' ')}`);
  const dataDir = resolveDataDir(values['data-dir'], io);
  // Only load-image and docker-in-docker nodes use the current engine; netns nodes are engines of their own.
  const needsEngine = sub === 'load-image' || values.mechanism === 'dind' || values.engine !== undefined;
  let engineFlag: string | undefined;
  if (needsEngine) {
    const engine = await pickEngine(`cluster ${sub}`, values.engine, dataDir, deps, 'The netns mechanism (Linux, root) needs none.');
    if (typeof engine !== 'string') {
      io.err(`Error: ${engine.error}`);
      return EXIT.failed;
    }
    engineFlag = engine;
  }
  const store = deps.openStore(dataDir);
  return withBackendSession({ dataDir, store, engineFlag, domains: ['engine', 'tasks', 'cluster'] }, io, deps, async (session) => {
    if (needsEngine) await session.connected();
    if (sub === 'status') return printStatus(await session.call<LocalClusterStatus>('cluster.status', {}), values.json === true, io);
    const method = { create: 'cluster.create', start: 'cluster.start', destroy: 'cluster.destroy', 'load-image': 'cluster.loadImage' }[sub] ?? '';
    const task = await session.runTask(method, sub === 'load-image' ? { image: args[0] } : (params ?? {}), (line) => io.err(line));
    for (const line of stepLines(task)) io.err(line);
    if (task.state !== 'succeeded') {
      io.err(`Error: ${task.error?.message ?? `${sub} ${task.state}`}`);
      return EXIT.failed;
    }
    if (sub === 'destroy') io.out('The local cluster was removed.');
    else printStatus(await session.call<LocalClusterStatus>('cluster.status', {}), false, io);
    return EXIT.ok;
  });
}

function createParams(values: Values): Record<string, unknown> {
  const int = (name: 'nodes' | 'managers') => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, not "${raw}".`);
    return Number(raw);
  };
  const mechanism = values.mechanism ?? 'auto';
  if (!['auto', 'netns', 'dind'].includes(mechanism)) throw new UsageError(`--mechanism must be auto, netns or dind, not "${mechanism}".`);
  const nodes = int('nodes');
  const managers = int('managers');
  return {
    mechanism,
    ...(nodes !== undefined ? { nodes } : {}),
    ...(managers !== undefined ? { managers } : {}),
    ...(values['dind-image'] ? { dindImage: values['dind-image'] } : {}),
  };
}

function stepLines(task: TaskInfo): string[] {
  return (task.steps ?? []).map((s) => ` ${s.state === 'failed' ? '✘' : s.state === 'done' ? '✔' : '-'} ${s.label}${s.detail ? `  ${s.detail}` : ''}`);
}

export function printStatus(s: LocalClusterStatus, json: boolean, io: CliIo): number {
  if (json) {
    io.out(JSON.stringify(s, null, 2));
    return EXIT.ok;
  }
  if (!s.exists) {
    io.out('No local cluster. Create one with: berth cluster create --nodes 3');
    for (const m of s.mechanisms) io.out(`  ${m.mechanism}: ${m.usable ? 'usable' : 'not usable'}${m.reason ? ` (${m.reason})` : ''}`);
    return EXIT.ok;
  }
  io.out(`Cluster ${s.name ?? ''} (${s.mechanism ?? '?'}, ${s.nodes.length} nodes${s.swarmId ? `, swarm ${s.swarmId.slice(0, 12)}` : ''})${s.connected ? ', Berth is connected to its manager' : ''}`);
  table(
    ['NAME', 'ROLE', 'STATE', 'HOSTNAME', 'ADDRESS', 'ENDPOINT'],
    s.nodes.map((n) => [n.name, n.role, n.state, n.hostname, n.address, n.endpoint]),
  ).forEach((l) => io.out(l));
  return EXIT.ok;
}
