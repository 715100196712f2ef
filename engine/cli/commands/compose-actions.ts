import type { ComposeConfigResult, ComposeSource, LogChunk } from '../../contract';
import { EXIT, type CliIo } from '../io';
import type { ComposeDeps } from './compose';
import { flagText as str, type ComposeInvocation } from './compose-args';
import { LogPrinter } from './compose-output';
import { runOneOffAttached } from './compose-run';
import { errorLines, type ComposeSession } from './compose-session';

// What several `berth compose` commands share once their session is open: following a task to its end, following
// the project's logs (logs -f, up without -d), and compose run's one-off.

/**
 * `-e KEY` takes KEY's value from the user's environment (this process), as docker compose does; unset means not
 * set. The stream accepts only KEY=VALUE, so a web caller can never read the server's environment this way.
 */
export function resolveEnv(entries: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return entries.flatMap((e) => (e.includes('=') ? [e] : env[e] !== undefined ? [`${e}=${env[e]}`] : []));
}

/** The project's name: -p, else the name its files resolve to (compose's rules). */
export async function projectName(
  inv: ComposeInvocation,
  session: ComposeSession,
  source: ComposeSource,
): Promise<string> {
  if (inv.global.projectName) return inv.global.projectName;
  return (await session.call<ComposeConfigResult>('compose.config', { source })).name;
}

export async function task(
  session: ComposeSession,
  io: CliIo,
  method: string,
  params: unknown,
  deps: ComposeDeps,
): Promise<number> {
  const interrupt = new AbortController();
  void deps.waitForShutdownSignal().then(() => interrupt.abort());
  const result = await session.runTask(method, params, (line) => io.err(line), interrupt.signal);
  if (result.state === 'succeeded') return EXIT.ok;
  if (result.state === 'cancelled') {
    io.err('Cancelled.');
    return 130;
  }
  for (const line of errorLines(result.error)) io.err(line);
  return EXIT.failed;
}

export async function followLogs(
  session: ComposeSession,
  io: CliIo,
  deps: ComposeDeps,
  params: Record<string, unknown> & { follow: boolean },
): Promise<number> {
  const printer = new LogPrinter();
  const stop = new AbortController();
  if (params.follow) void deps.waitForShutdownSignal().then(() => stop.abort());
  await session.stream<LogChunk>(
    'compose.logs',
    params,
    (c) => {
      for (const l of c.lines) io.out(printer.format(l));
      if (c.dropped) io.err(`(${c.dropped} lines skipped: output could not keep up)`);
    },
    stop.signal,
  );
  return EXIT.ok;
}

/** `up` without -d: follow the logs until Ctrl+C, then stop the project like compose does. */
export async function attached(
  inv: ComposeInvocation,
  session: ComposeSession,
  io: CliIo,
  deps: ComposeDeps,
  source: ComposeSource,
): Promise<number> {
  const name = await projectName(inv, session, source);
  io.err("Attaching to the project's logs; press Ctrl+C to stop it.");
  await followLogs(session, io, deps, {
    name,
    ...(inv.args.length ? { services: inv.args } : {}),
    tail: 'all',
    follow: true,
    timestamps: false,
  });
  io.err('Gracefully stopping... (press Ctrl+C again to force)');
  const code = await session.runTask('compose.stop', { name }, (line) => io.err(line));
  return code.state === 'succeeded' ? 130 : EXIT.failed;
}

export async function runCommand(
  inv: ComposeInvocation,
  session: ComposeSession,
  io: CliIo,
  deps: ComposeDeps,
  source: ComposeSource,
): Promise<number> {
  const f = inv.flags;
  const [service = '', ...command] = inv.args;
  const needs = await session.call<string[]>('compose.dependencies', { source, services: [service] });
  if (needs.length > 0 && !f['no-deps']) {
    const code = await task(session, io, 'compose.up', { source, services: needs }, deps);
    if (code !== EXIT.ok) return code;
  }
  const params = {
    source,
    service,
    ...(command.length ? { command } : {}),
    ...(f.rm ? { rm: true } : {}),
    ...(f.detach ? { detach: true } : {}),
    ...(str(f.name) ? { name: str(f.name) } : {}),
    ...(Array.isArray(f.env) ? { env: resolveEnv(f.env) } : {}),
    ...(f['service-ports'] ? { servicePorts: true } : {}),
    ...(str(f.entrypoint) ? { entrypoint: [str(f.entrypoint) ?? ''] } : {}),
    ...(str(f.user) ? { user: str(f.user) } : {}),
    ...(str(f.workdir) ? { workdir: str(f.workdir) } : {}),
  };
  // Like docker compose: stdin attached unless detached; a TTY when the user's terminal is one and -T is absent.
  const terminal = f.detach ? undefined : deps.terminal;
  return runOneOffAttached(session, io, {
    params,
    ...(terminal ? { terminal } : {}),
    noTty: f['no-TTY'] === true,
  });
}
