import { parseArgs } from 'node:util';
import type { EngineCandidate, EngineVersion } from '../../contract';
import { toErrorData } from '../../base/errors';
import type { EmbeddedEngine, EmbeddedEngineOptions } from '../../providers/types';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { ENGINE_USAGE } from '../usage';
import { UsageError } from './args';

/** What the CLI asks about engines, through the dispatcher; close() when done. */
export interface EngineQueries {
  /** Every engine discovery finds, in preference order. */
  candidates(): Promise<EngineCandidate[]>;
  /** Whether the candidate answers and what it is; never connects to it for longer. */
  probe(candidate: EngineCandidate): Promise<EngineVersion>;
  close(): Promise<void>;
}

export interface EngineDeps {
  /** The engine queries of a data directory. */
  engines(dataDir: string): Promise<EngineQueries>;
  startEmbedded(options: EmbeddedEngineOptions): Promise<EmbeddedEngine>;
  stopEmbedded(dataDir: string): Promise<boolean>;
}

interface Probed {
  candidate: EngineCandidate;
  version?: EngineVersion;
  error?: { code: string; message: string };
}

export async function engineCommand(argv: string[], io: CliIo, deps: EngineDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  const [sub, ...extra] = positionals;
  if (values.help || sub === 'help') {
    io.out(ENGINE_USAGE);
    return EXIT.ok;
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra.join(' ')}`);
  if (values.json && sub !== 'status') throw new UsageError('--json applies to `berth engine status` only.');
  const dataDir = resolveDataDir(values['data-dir'], io);
  switch (sub) {
    case 'status':
      return status(dataDir, values.json === true, io, deps);
    case 'start':
      return start(dataDir, io, deps);
    case 'stop':
      return stop(dataDir, io, deps);
    case undefined:
      throw new UsageError('Which engine command? Use status, start or stop.');
    default:
      throw new UsageError(`Unknown engine command: ${sub}`);
  }
}

/** Tries candidates in discovery order and reports the first that answers, like the backend's 'auto' would pick. */
async function status(dataDir: string, json: boolean, io: CliIo, deps: EngineDeps): Promise<number> {
  const engines = await deps.engines(dataDir);
  const tried: Probed[] = [];
  let chosen: Probed | undefined;
  try {
    for (const candidate of await engines.candidates()) {
      try {
        chosen = { candidate, version: await engines.probe(candidate) };
        tried.push(chosen);
        break;
      } catch (err) {
        const { code, message } = toErrorData(err);
        tried.push({ candidate, error: { code, message } });
      }
    }
  } finally {
    await engines.close();
  }
  const connected = chosen?.version !== undefined;
  if (json) {
    io.out(
      JSON.stringify(
        {
          state: connected ? 'connected' : 'unreachable',
          ...(chosen ? { engine: chosen.candidate, version: chosen.version } : {}),
          tried: tried.map((t) => ({
            id: t.candidate.id,
            endpoint: t.candidate.endpoint,
            ...(t.error ? { error: t.error } : {}),
          })),
        },
        null,
        2,
      ),
    );
    return connected ? EXIT.ok : EXIT.failed;
  }
  if (chosen?.version) {
    const v = chosen.version;
    io.out(`Engine:  ${chosen.candidate.label} (${chosen.candidate.endpoint})`);
    io.out(`Version: ${v.product} ${v.version} (API ${v.apiVersion}, ${v.os}/${v.arch})`);
    io.out('State:   connected');
    if (chosen.candidate.insecure) {
      io.err(
        'Warning: this engine is reached over TCP without TLS; the Docker API is root-equivalent on its host.',
      );
    }
    return EXIT.ok;
  }
  io.out('State:   unreachable');
  if (tried.length === 0)
    io.out("No engine was found. Run `berth engine start` to start Berth's embedded engine.");
  for (const t of tried)
    io.out(`  ${t.candidate.label} (${t.candidate.endpoint}): ${t.error?.message ?? 'no answer'}`);
  return EXIT.failed;
}

async function start(dataDir: string, io: CliIo, deps: EngineDeps): Promise<number> {
  io.err("Starting Berth's embedded engine (this can take a minute the first time)…");
  try {
    const engine = await deps.startEmbedded({ dataDir, detached: true });
    io.out(`Berth's embedded engine is running (pid ${engine.pid ?? 'unknown'}); log: ${engine.logFile}`);
    io.out(`DOCKER_HOST=unix://${engine.socketPath}`);
    return EXIT.ok;
  } catch (err) {
    // ENGINE_NOT_INSTALLED messages already name what is missing and the install commands.
    io.err(`Could not start the embedded engine: ${toErrorData(err).message}`);
    return EXIT.failed;
  }
}

async function stop(dataDir: string, io: CliIo, deps: EngineDeps): Promise<number> {
  try {
    const stopped = await deps.stopEmbedded(dataDir);
    io.out(
      stopped
        ? "Stopped Berth's embedded engine."
        : `Berth's embedded engine is not running (data directory ${dataDir}); nothing to stop.`,
    );
    return EXIT.ok;
  } catch (err) {
    io.err(`Could not stop the embedded engine: ${toErrorData(err).message}`);
    return EXIT.failed;
  }
}
