import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { LABEL, oneOffName, projectLabels } from '../labels';
import type { ComposeProject } from '../model';
import { createContainer, removeContainer } from './container-ops';
import { engineCall, projectContainers, serviceError, type ApplyContext } from './context';
import { serviceConfigHash } from './hash';
import { imageOf } from './images';
import { ensureResources } from './resources';

export interface RunOptions {
  command?: string[];
  /** Remove the container when it exits (compose's --rm). */
  rm?: boolean;
  detach?: boolean;
  name?: string;
  /** KEY=VALUE pairs added to the service's environment. */
  env?: string[];
  servicePorts?: boolean;
  entrypoint?: string[];
  user?: string;
  workdir?: string;
  /** Where the container's output goes when attached. */
  stdout?: (chunk: Buffer) => void;
  stderr?: (chunk: Buffer) => void;
  /** Attached runs only: sent to the container's stdin, which closes when this stream ends. */
  stdin?: NodeJS.ReadableStream;
  /** Allocate a terminal (output arrives raw on stdout); `size` sets its rows and columns. */
  tty?: { rows: number; columns: number };
  /** Called once the container runs, with a function that resizes its terminal (for SIGWINCH). */
  onResizable?: (resize: (size: { rows: number; columns: number }) => void) => void;
}

/**
 * `compose run SERVICE [CMD...]`: a one-off container of the service (labelled oneoff=True, named
 * `<project>-<service>-run-<id>`), attached until it exits unless detached. Resolves with its exit code.
 * The caller brings the service's dependencies up first (unless --no-deps); the networks and volumes the
 * service uses are created here when missing.
 */
export async function runOneOff(ctx: ApplyContext, project: ComposeProject, service: string, options: RunOptions = {}): Promise<{ exitCode: number; name: string }> {
  const svc = project.services[service];
  if (!svc) throw serviceError(service, 'to run', new Error(`no such service: "${service}"`));
  const existing = await projectContainers(ctx.docker, project.name, { oneoff: true, service });
  const number = existing.reduce((max, c) => Math.max(max, Number(c.Labels[LABEL.number]) || 0), 0) + 1;
  const name = options.name ?? oneOffName(project.name, service, randomBytes(6).toString('hex'));
  const patched: ComposeProject = {
    ...project,
    services: {
      ...project.services,
      [service]: {
        ...svc,
        ...(options.entrypoint ? { entrypoint: options.entrypoint } : {}),
        ...(options.user ? { user: options.user } : {}),
        ...(options.workdir ? { working_dir: options.workdir } : {}),
        environment: { ...svc.environment, ...Object.fromEntries((options.env ?? []).map((e) => [e.split('=')[0] ?? e, e.includes('=') ? e.slice(e.indexOf('=') + 1) : null])) },
        // A one-off never restarts on its own and is not a replica.
        restart: 'no',
        container_name: undefined,
      },
    },
  };
  const input = {
    project: patched,
    service,
    number,
    containerName: name,
    projectLabels: projectLabels({ project: project.name, workingDir: project.workingDir, configFiles: project.composeFiles, berthVersion: ctx.berthVersion }),
    configHash: serviceConfigHash(svc),
    image: imageOf(project, service, svc),
    oneOff: {
      ...(options.command?.length ? { command: options.command } : {}),
      servicePorts: options.servicePorts === true,
      tty: options.tty !== undefined && !options.detach,
      interactive: options.stdin !== undefined && !options.detach,
      autoRemove: options.rm === true && options.detach === true,
    },
  };
  // The project's networks and volumes may not exist yet (run --no-deps on a project that was never up).
  await ensureResources(ctx, project, [service]);
  if (options.detach) {
    await createContainer(ctx, input, true);
    return { exitCode: 0, name };
  }
  const id = await createContainer(ctx, input, false);
  const container = ctx.docker.getContainer(id);
  try {
    const stdin = options.stdin;
    const stream = await engineCall('attach', `container ${name}`, () =>
      container.attach({ stream: true, stdout: true, stderr: true, ...(stdin ? { stdin: true, hijack: true } : {}) }),
    );
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    const sink = (to?: (c: Buffer) => void) => new Writable({ write: (c: Buffer, _e, done) => (to?.(c), done()) });
    // A terminal's output is one raw stream; without one the engine multiplexes stdout and stderr.
    if (options.tty) stream.on('data', (c: Buffer) => options.stdout?.(c));
    else ctx.docker.modem.demuxStream(stream, sink(options.stdout), sink(options.stderr));
    await engineCall('start', `container ${name}`, () => container.start());
    if (options.tty) {
      const resize = (size: { rows: number; columns: number }) => void container.resize({ h: size.rows, w: size.columns }).catch(() => undefined);
      resize(options.tty);
      options.onResizable?.(resize);
    }
    if (stdin) forwardStdin(stdin, stream);
    const result = (await engineCall('wait', `container ${name}`, () => container.wait())) as { StatusCode: number };
    await Promise.race([ended, new Promise((r) => setTimeout(r, 1000))]);
    return { exitCode: result.StatusCode, name };
  } finally {
    if (options.rm) await removeContainer({ ...ctx, log: () => undefined }, { Id: id, Names: [`/${name}`] });
  }
}

/** Copies the user's input into the hijacked connection; its end half-closes it, so the process sees EOF. */
function forwardStdin(from: NodeJS.ReadableStream, to: NodeJS.WritableStream & { end(): void }): void {
  const onData = (chunk: Buffer | string) => {
    if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  };
  from.on('data', onData);
  from.once('end', () => to.end());
  (to as unknown as NodeJS.EventEmitter).once('close', () => from.off('data', onData));
}
