import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import type { ComposeProject, ServiceConfig } from '../model';
import { engineCall, progressLine, type ApplyContext } from './context';

export type PullPolicy = 'missing' | 'always' | 'never';

/** The image a service runs: its `image:`, else the name compose v2 gives a built image (`<project>-<service>`). */
export function imageOf(project: ComposeProject, service: string, svc: ServiceConfig): string {
  return svc.image ?? `${project.name}-${service}`;
}

/** The image's ID, or undefined when the engine does not have it. */
export async function imageId(docker: Dockerode, ref: string): Promise<string | undefined> {
  try {
    return (await docker.getImage(ref).inspect()).Id;
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'inspect', object: `image ${ref}` });
    if (mapped.code === ErrorCode.NOT_FOUND) return undefined;
    throw mapped;
  }
}

interface ProgressEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  stream?: string;
  aux?: { ID?: string };
}

/** Reads a JSON-message stream (pull/build) to the end, reporting each event; an error event rejects. */
function follow(docker: Dockerode, stream: NodeJS.ReadableStream, onEvent: (e: ProgressEvent) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (err: Error | null) => {
        signal.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      },
      (e: ProgressEvent) => {
        if (e.error || e.errorDetail?.message) {
          signal.removeEventListener('abort', onAbort);
          reject(new Error(e.errorDetail?.message ?? e.error));
          return;
        }
        onEvent(e);
      },
    );
  });
}

/** Pulls one image, with per-layer byte progress summed into the service's step. */
export async function pullImage(ctx: ApplyContext, service: string, ref: string): Promise<void> {
  ctx.step({ id: service, label: service, state: 'running', detail: `Pulling ${ref}` });
  ctx.log(progressLine('Image', ref, 'Pulling'));
  const layers = new Map<string, { current: number; total: number }>();
  try {
    const stream = await ctx.docker.pull(ref, { abortSignal: ctx.signal });
    await follow(ctx.docker, stream, (e) => {
      if (e.id && e.progressDetail?.total) layers.set(e.id, { current: e.progressDetail.current ?? 0, total: e.progressDetail.total });
      const total = [...layers.values()].reduce((s, l) => s + l.total, 0);
      const current = [...layers.values()].reduce((s, l) => s + l.current, 0);
      ctx.step({ id: service, label: service, state: 'running', detail: `Pulling ${ref}`, ...(total > 0 ? { fraction: current / total } : {}) });
    }, ctx.signal);
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'pull', object: `image ${ref}` });
    throw new BerthError(
      mapped.code,
      `Image "${ref}" could not be pulled: ${mapped.message} Check the name and that the registry is reachable, or build/import the image locally.`,
      mapped.details,
    );
  }
  ctx.log(progressLine('Image', ref, 'Pulled'));
}

/** Top-level entries of the build context; dockerode tars them and applies the context's .dockerignore. */
async function contextEntries(dir: string): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    return await readdir(dir);
  } catch {
    throw new BerthError(ErrorCode.NOT_FOUND, `The build context ${dir} is not a readable folder. Fix build.context in the compose file.`);
  }
}

/** Builds a service's image through POST /build with its context tarred from disk; output goes to the task log. */
export async function buildImage(ctx: ApplyContext, project: ComposeProject, service: string, svc: ServiceConfig, options: { noCache?: boolean } = {}): Promise<void> {
  const build = svc.build;
  if (!build) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service "${service}" has no build section.`);
  if (/^(https?|git):\/\/|^git@/.test(build.context)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service "${service}" builds from a remote context (${build.context}); Berth builds from local folders only.`);
  }
  const tag = imageOf(project, service, svc);
  const dockerfile = build.dockerfile ?? 'Dockerfile';
  if (path.isAbsolute(dockerfile) && !dockerfile.startsWith(build.context + path.sep)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service "${service}": the Dockerfile ${dockerfile} must be inside the build context ${build.context}.`);
  }
  const src = await contextEntries(build.context);
  ctx.step({ id: service, label: service, state: 'running', detail: `Building ${tag}` });
  ctx.log(progressLine('Image', tag, 'Building'));
  const args = Object.fromEntries(Object.entries(build.args ?? {}).filter((e): e is [string, string] => e[1] !== null));
  try {
    const stream = await ctx.docker.buildImage(
      { context: build.context, src },
      {
        t: tag,
        dockerfile: path.isAbsolute(dockerfile) ? path.relative(build.context, dockerfile) : dockerfile,
        buildargs: args,
        labels: build.labels ?? {},
        ...(typeof build.target === 'string' ? { target: build.target } : {}),
        ...(options.noCache ? { nocache: true } : {}),
        rm: true,
        forcerm: true,
        abortSignal: ctx.signal,
      },
    );
    await follow(ctx.docker, stream, (e) => {
      for (const line of (e.stream ?? '').split('\n')) if (line.trim()) ctx.log(`${service}  ${line.trimEnd()}`);
    }, ctx.signal);
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'build', object: `image ${tag}` });
    throw new BerthError(mapped.code, `Building the image of service "${service}" failed: ${mapped.message}`, { ...(mapped.details as object), service });
  }
  ctx.log(progressLine('Image', tag, 'Built'));
}

/**
 * Makes sure the service's image exists, as `up` does: build when it has a build section and (--build or the
 * image is missing); otherwise pull per policy. Returns the image ID the containers should run.
 */
export async function ensureImage(
  ctx: ApplyContext,
  project: ComposeProject,
  service: string,
  options: { build?: boolean; pull?: PullPolicy },
): Promise<string> {
  const svc = project.services[service];
  if (!svc) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `No such service: "${service}".`);
  const ref = imageOf(project, service, svc);
  const policy: PullPolicy = options.pull ?? (svc.pull_policy === 'always' || svc.pull_policy === 'never' ? svc.pull_policy : 'missing');
  let id = options.build && svc.build ? undefined : await engineCall('inspect', `image ${ref}`, () => imageId(ctx.docker, ref));
  if (svc.build && (options.build || id === undefined)) {
    await buildImage(ctx, project, service, svc);
  } else if (policy === 'always' || (id === undefined && policy === 'missing')) {
    await pullImage(ctx, service, ref);
  } else if (id === undefined) {
    throw new BerthError(ErrorCode.NOT_FOUND, `Image "${ref}" of service "${service}" is not on the engine and its pull_policy is never. Pull or build it first.`, { service });
  }
  id = await imageId(ctx.docker, ref);
  if (id === undefined) throw new BerthError(ErrorCode.NOT_FOUND, `Image "${ref}" of service "${service}" is still missing after ${svc.build ? 'building' : 'pulling'} it.`, { service });
  return id;
}
