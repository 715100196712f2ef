import type { TerminalIo } from '../terminal';
import path from 'node:path';
import type {
  ComposeConfigResult,
  ComposeProjectSummary,
  ComposeSource,
  ContainerSummary,
} from '../../contract';
import type { Backend } from '../../host/backend';
import type { DomainName } from '../../host/create-backend';
import type { Store } from '../../store/types';
import { withBackendSession, type ComposeSession } from './compose-session';
import { lsJson, lsTable, psJson, psTable } from './compose-output';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { COMPOSE_USAGE } from './compose-usage';
import { printConfig } from './compose-config';
import { BerthError } from '../../base/errors';
import type { EngineQueries } from './engine';
import { flagText, parseComposeArgs, parseScale, parseTimeout, type ComposeInvocation } from './compose-args';
import { attached, followLogs, projectName, runCommand, task } from './compose-actions';

export interface ComposeDeps {
  openStore(dataDir: string): Store;
  /** A throwaway store for commands that need no engine (config): they leave nothing in Berth's data folder. */
  openMemoryStore(): Store;
  createBackend(options: {
    dataDir: string;
    store: Store;
    engineFlag?: string;
    liveCollections?: boolean;
    connect?: boolean;
    /** The domains the command uses, built up front; any other loads only if called (ADR 19). */
    domains?: readonly DomainName[];
  }): Promise<Backend>;
  /** Engines in preference order, and a probe, to pick the one that answers (never starting one). */
  engines(dataDir: string): Promise<EngineQueries>;
  /** Resolves at the first Ctrl+C / SIGTERM (`up` attached and `logs -f` stop there). */
  waitForShutdownSignal(): Promise<string>;
  cwd: string;
  /** The user's terminal: `run` attaches it (a TTY when it is one). Without it, runs get no input. */
  terminal?: TerminalIo;
}

const str = flagText;

export async function composeCommand(argv: string[], io: CliIo, deps: ComposeDeps): Promise<number> {
  const inv = parseComposeArgs(argv, deps.cwd);
  if (inv.command === 'help') {
    io.out(COMPOSE_USAGE);
    return EXIT.ok;
  }
  const dataDir = resolveDataDir(inv.global.dataDir, io);
  const offline = OFFLINE_COMMANDS.has(inv.command);
  const engine = offline
    ? undefined
    : await pickEngine(`compose ${inv.command}`, inv.global.engine, dataDir, deps);
  if (typeof engine === 'object') {
    io.err(`Error: ${engine.error}`);
    return EXIT.failed;
  }
  const store = offline ? deps.openMemoryStore() : deps.openStore(dataDir);
  // One command, then exit: the live lists a UI needs would only add engine requests. Offline commands never
  // connect at all, as `docker compose config` reads only files.
  return withBackendSession({ dataDir, store, engineFlag: engine, domains: COMPOSE_DOMAINS }, io, deps, async (session) => {
    if (!offline) await connected(session, inv.command);
    return run(inv, session, io, deps);
  });
}

/** What `berth compose` uses: other domains (swarm, templates, security, ...) load only if called. */
const COMPOSE_DOMAINS: readonly DomainName[] = ['engine', 'tasks', 'compose'];

/** Commands that read only the compose files: they work on a machine with no container engine. */
const OFFLINE_COMMANDS: ReadonlySet<string> = new Set(['config']);
const NEEDS_ENGINE = `Only 'config' (with --services, --profiles, --images, --volumes, --networks, -q, --format, -o) works without one.`;

async function connected(session: ComposeSession, command: string): Promise<void> {
  try {
    await session.connected();
  } catch (err) {
    if (!(err instanceof BerthError)) throw err;
    throw new BerthError(
      err.code,
      `'berth compose ${command}' needs a container engine: ${err.message} ${NEEDS_ENGINE}`,
      err.details,
    );
  }
}

/** --engine, else the first discovered engine that answers. Never starts Berth's embedded engine. */
export async function pickEngine(
  /** The command as typed after `berth`, for the message: "compose up", "template deploy". */
  command: string,
  flag: string | undefined,
  dataDir: string,
  deps: ComposeDeps,
  worksOffline = NEEDS_ENGINE,
): Promise<string | { error: string }> {
  if (flag && flag !== 'auto' && flag !== 'embedded') return flag;
  const tried: string[] = [];
  const engines = await deps.engines(dataDir);
  try {
    for (const c of await engines.candidates()) {
      if (flag === 'embedded' && !c.embedded) continue;
      try {
        await engines.probe(c);
        return c.endpoint;
      } catch (err) {
        tried.push(`${c.label} (${c.endpoint}): ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await engines.close();
  }
  return {
    error: `No container engine answers, and 'berth ${command}' needs one. Start one (e.g. berth engine start) or pass --engine URL. ${worksOffline}${tried.length ? ` Tried: ${tried.join('; ')}` : ''}`,
  };
}

function sourceOf(inv: ComposeInvocation, cwd: string): ComposeSource {
  const g = inv.global;
  const first = g.files[0];
  return {
    files: g.files,
    workingDir: g.projectDirectory ?? (first ? path.dirname(first) : cwd),
    ...(g.projectName ? { projectName: g.projectName } : {}),
    ...(g.envFiles.length ? { envFiles: g.envFiles } : {}),
    ...(g.profiles.length ? { profiles: g.profiles } : {}),
  };
}

async function run(
  inv: ComposeInvocation,
  session: ComposeSession,
  io: CliIo,
  deps: ComposeDeps,
): Promise<number> {
  const f = inv.flags;
  const source = sourceOf(inv, deps.cwd);
  const services = inv.args.length ? { services: inv.args } : {};
  const timeoutSeconds = parseTimeout(f.timeout);
  const timeout = timeoutSeconds !== undefined ? { timeoutSeconds } : {};
  switch (inv.command) {
    case 'config':
      return printConfig(await session.call<ComposeConfigResult>('compose.config', { source }), f, io);
    case 'up': {
      const scale = parseScale(f.scale);
      const code = await task(
        session,
        io,
        'compose.up',
        {
          source,
          ...services,
          ...(f['remove-orphans'] ? { removeOrphans: true } : {}),
          ...(f['force-recreate'] ? { forceRecreate: true } : {}),
          ...(f['no-recreate'] ? { noRecreate: true } : {}),
          ...(f['no-start'] ? { noStart: true } : {}),
          ...(f.build ? { build: true } : {}),
          ...(str(f.pull) ? { pull: str(f.pull) } : {}),
          ...(f.wait ? { wait: true } : {}),
          ...(f['wait-timeout'] !== undefined
            ? { waitTimeoutSeconds: parseTimeout(f['wait-timeout'], '--wait-timeout') }
            : {}),
          ...timeout,
        },
        deps,
      );
      if (code !== EXIT.ok) return code;
      // --scale SERVICE=N: the replicas after up, by container number, like compose.
      for (const [service, replicas] of Object.entries(scale)) {
        const scaled = await task(
          session,
          io,
          'compose.scale',
          { name: await projectName(inv, session, source), service, replicas },
          deps,
        );
        if (scaled !== EXIT.ok) return scaled;
      }
      // --wait implies detached, as in docker compose.
      if (f.detach || f.wait || f['no-start']) return code;
      return attached(inv, session, io, deps, source);
    }
    case 'down': {
      const opts = {
        ...(f.volumes ? { volumes: true } : {}),
        ...(f['remove-orphans'] ? { removeOrphans: true } : {}),
        ...(str(f.rmi) ? { rmi: str(f.rmi) } : {}),
        ...timeout,
      };
      const byName = inv.global.projectName && inv.global.files.length === 0;
      return task(
        session,
        io,
        'compose.down',
        byName ? { name: inv.global.projectName, ...opts } : { source, ...opts },
        deps,
      );
    }
    case 'start':
    case 'stop':
    case 'restart':
    case 'pause':
    case 'unpause': {
      const name = await projectName(inv, session, source);
      const withTimeout = inv.command === 'stop' || inv.command === 'restart' ? timeout : {};
      return task(session, io, `compose.${inv.command}`, { name, ...services, ...withTimeout }, deps);
    }
    case 'pull':
      return task(session, io, 'compose.pull', { source, ...services }, deps);
    case 'build':
      return task(
        session,
        io,
        'compose.build',
        { source, ...services, ...(f['no-cache'] ? { noCache: true } : {}) },
        deps,
      );
    case 'ps': {
      const name = await projectName(inv, session, source);
      let list = await session.call<ContainerSummary[]>('compose.ps', { name, all: f.all === true });
      if (inv.args.length) list = list.filter((c) => inv.args.includes(c.composeService ?? ''));
      if (f.services) [...new Set(list.map((c) => c.composeService ?? ''))].forEach((s) => io.out(s));
      else if (f.quiet) list.forEach((c) => io.out(c.id));
      else if (str(f.format) === 'json') psJson(list).forEach((l) => io.out(l));
      else psTable(list).forEach((l) => io.out(l));
      return EXIT.ok;
    }
    case 'ls': {
      const list = await session.call<ComposeProjectSummary[]>('compose.projects.list', {});
      const shown = f.all ? list : list.filter((p) => p.containers.running > 0);
      if (f.quiet) shown.forEach((p) => io.out(p.name));
      else if (str(f.format) === 'json') io.out(lsJson(shown));
      else lsTable(shown).forEach((l) => io.out(l));
      return EXIT.ok;
    }
    case 'logs': {
      const name = await projectName(inv, session, source);
      const tail = str(f.tail) === undefined || str(f.tail) === 'all' ? 'all' : Number(str(f.tail));
      return followLogs(session, io, deps, {
        name,
        ...services,
        tail,
        follow: f.follow === true,
        timestamps: f.timestamps === true,
      });
    }
    case 'run':
      return runCommand(inv, session, io, deps, source);
    default:
      return EXIT.usage;
  }
}
