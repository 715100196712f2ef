import { PassThrough } from 'node:stream';
import type { ComposeRunInput, ComposeSource } from '../../contract';
import type { StreamContext } from '../../base/handlers';
import { dependencyGraph, withDependencies } from './apply/plan';
import { runOneOff } from './apply/run';
import { BERTH_VERSION, type ComposeService } from './service';

/** 'compose.dependencies': what `compose run SERVICE` brings up first (unless --no-deps), in no particular order. */
export async function dependenciesOf(svc: ComposeService, source: ComposeSource, services: string[]): Promise<string[]> {
  const project = await svc.load(source, services);
  return withDependencies(dependencyGraph(project), services).filter((s) => !services.includes(s));
}

/**
 * 'compose.run': a one-off container of a service. Output goes out as base64 chunks (as a terminal's does), the
 * client's input goes to the process's stdin ('eof' closes it), resizes to its terminal; the last chunk is the
 * exit code. Dependencies are the caller's (it runs compose.up first), as with runOneOff.
 */
export async function streamOneOff(svc: ComposeService, ctx: StreamContext<'compose.run'>): Promise<void> {
  const p = ctx.params;
  // Registered first, so input that arrives while the project loads is kept for the process.
  const stdin = p.interactive && !p.detach ? new PassThrough() : undefined;
  let resize: ((size: { rows: number; columns: number }) => void) | undefined;
  ctx.onInput((input: ComposeRunInput) => {
    if (input.type === 'data') stdin?.write(Buffer.from(input.data, 'base64'));
    else if (input.type === 'eof') stdin?.end();
    else resize?.({ rows: input.rows, columns: input.cols });
  });
  // The client is gone: its input ends, so an interactive process reads EOF instead of waiting forever.
  ctx.signal.addEventListener('abort', () => stdin?.end(), { once: true });
  const out = (type: 'stdout' | 'stderr') => (chunk: Buffer) => void ctx.send({ type, data: chunk.toString('base64') });
  const project = await svc.load(p.source, [p.service]);
  const result = await runOneOff(
    { docker: svc.docker(), signal: ctx.signal, berthVersion: BERTH_VERSION, step: () => undefined, log: (line) => void ctx.send({ type: 'log', line }) },
    project,
    p.service,
    {
      ...(p.command?.length ? { command: p.command } : {}),
      ...(p.rm ? { rm: true } : {}),
      ...(p.detach ? { detach: true } : {}),
      ...(p.name ? { name: p.name } : {}),
      ...(p.env ? { env: p.env } : {}),
      ...(p.servicePorts ? { servicePorts: true } : {}),
      ...(p.entrypoint ? { entrypoint: p.entrypoint } : {}),
      ...(p.user ? { user: p.user } : {}),
      ...(p.workdir ? { workdir: p.workdir } : {}),
      ...(stdin ? { stdin } : {}),
      ...(p.tty ? { tty: { rows: p.tty.rows, columns: p.tty.cols }, onResizable: (r: typeof resize) => (resize = r) } : {}),
      stdout: out('stdout'),
      stderr: out('stderr'),
    },
  );
  ctx.send({ type: 'exit', exitCode: result.exitCode, name: result.name });
}
