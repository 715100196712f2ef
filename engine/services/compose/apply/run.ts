import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { LABEL, oneOffName, projectLabels } from '../labels';
import type { ComposeProject } from '../model';
import { createContainer, removeContainer } from './container-ops';
import { engineCall, projectContainers, serviceError, type ApplyContext } from './context';
import { serviceConfigHash } from './hash';
import { imageOf } from './images';

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
}

/**
 * `compose run SERVICE [CMD...]`: a one-off container of the service (labelled oneoff=True, named
 * `<project>-<service>-run-<id>`), attached until it exits unless detached. Resolves with its exit code.
 * The caller brings the service's dependencies up first (unless --no-deps).
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
        environment: { ...svc.environment, ...Object.fromEntries((options.env ?? []).map((e) => [e.split('=')[0] ?? e, e.includes('=') ? e.slice(e.indexOf('=') + 1) : (process.env[e] ?? null)])) },
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
    oneOff: { ...(options.command?.length ? { command: options.command } : {}), servicePorts: options.servicePorts === true, tty: false, interactive: false, autoRemove: options.rm === true && options.detach === true },
  };
  if (options.detach) {
    await createContainer(ctx, input, true);
    return { exitCode: 0, name };
  }
  const id = await createContainer(ctx, input, false);
  const container = ctx.docker.getContainer(id);
  try {
    const stream = await engineCall('attach', `container ${name}`, () => container.attach({ stream: true, stdout: true, stderr: true }));
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('error', () => resolve());
    });
    const sink = (to?: (c: Buffer) => void) => new Writable({ write: (c: Buffer, _e, done) => (to?.(c), done()) });
    ctx.docker.modem.demuxStream(stream, sink(options.stdout), sink(options.stderr));
    await engineCall('start', `container ${name}`, () => container.start());
    const result = (await engineCall('wait', `container ${name}`, () => container.wait())) as { StatusCode: number };
    await Promise.race([ended, new Promise((r) => setTimeout(r, 1000))]);
    return { exitCode: result.StatusCode, name };
  } finally {
    if (options.rm) await removeContainer({ ...ctx, log: () => undefined }, { Id: id, Names: [`/${name}`] });
  }
}
