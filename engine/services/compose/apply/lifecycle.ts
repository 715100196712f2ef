import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import { LABEL } from '../labels';
import { removeContainer, startContainer, stopContainer } from './container-ops';
import { engineCall, nameOf, progressLine, projectContainers, serviceError, serviceOf, type ApplyContext } from './context';
import { dependentsGraph, runGraph } from './plan';
import { removeNetworks, removeVolumes } from './resources';

export type LifecycleAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';

/**
 * The dependency graph as the containers remember it (com.docker.compose.depends_on, written by compose v2 and
 * Berth), so projects can be ordered by name alone, without their files. docker-compose 1.x wrote no such label:
 * its services then have no known order and run in parallel.
 */
export function graphFromLabels(containers: Dockerode.ContainerInfo[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const c of containers) {
    const service = serviceOf(c);
    const deps = (c.Labels[LABEL.dependsOn] ?? '').split(',').map((d) => d.split(':')[0] ?? '').filter(Boolean);
    graph.set(service, [...new Set([...(graph.get(service) ?? []), ...deps])].sort());
  }
  const known = new Set(graph.keys());
  for (const [s, deps] of graph) graph.set(s, deps.filter((d) => known.has(d)));
  return graph;
}

function byService(containers: Dockerode.ContainerInfo[]): Map<string, Dockerode.ContainerInfo[]> {
  const out = new Map<string, Dockerode.ContainerInfo[]>();
  for (const c of containers) out.set(serviceOf(c), [...(out.get(serviceOf(c)) ?? []), c]);
  return out;
}

async function actOn(ctx: ApplyContext, action: LifecycleAction, c: Dockerode.ContainerInfo, timeoutSeconds?: number): Promise<void> {
  const name = nameOf(c);
  const container = ctx.docker.getContainer(c.Id);
  const t = timeoutSeconds === undefined ? {} : { t: timeoutSeconds };
  switch (action) {
    case 'start':
      if (c.State === 'running') return;
      if (c.State === 'paused') throw new BerthError(ErrorCode.CONFLICT, `Container ${name} is paused; unpause it instead.`);
      return startContainer(ctx, c.Id, name);
    case 'stop':
      return stopContainer(ctx, c, timeoutSeconds);
    case 'restart':
      ctx.log(progressLine('Container', name, 'Restarting'));
      await engineCall('restart', `container ${name}`, () => container.restart(t));
      ctx.log(progressLine('Container', name, 'Started'));
      return;
    case 'pause':
    case 'unpause': {
      if ((action === 'pause') !== (c.State === 'running')) return;
      const verb = action === 'pause' ? 'Paus' : 'Unpaus';
      ctx.log(progressLine('Container', name, `${verb}ing`));
      try {
        await (action === 'pause' ? container.pause() : container.unpause());
      } catch (err) {
        const mapped = mapDockerError(err, { action, object: `container ${name}` });
        if (mapped.code !== ErrorCode.NOT_MODIFIED) throw mapped;
      }
      ctx.log(progressLine('Container', name, `${verb}ed`));
    }
  }
}

const DONE: Record<LifecycleAction, string> = { start: 'Started', stop: 'Stopped', restart: 'Restarted', pause: 'Paused', unpause: 'Running' };

/**
 * start/stop/restart/pause/unpause of a project found by its labels (works for projects the CLI started).
 * Start goes in dependency order, stop in reverse; independent services in parallel.
 */
export async function lifecycle(ctx: ApplyContext, project: string, action: LifecycleAction, options: { services?: string[]; timeoutSeconds?: number } = {}): Promise<void> {
  const all = await projectContainers(ctx.docker, project, { oneoff: false });
  if (all.length === 0) throw new BerthError(ErrorCode.NOT_FOUND, `Project "${project}" has no containers. Run up first.`);
  const graph = graphFromLabels(all);
  const groups = byService(all);
  const wanted = options.services?.length ? options.services : [...groups.keys()];
  for (const s of wanted) {
    if (!groups.has(s)) throw new BerthError(ErrorCode.NOT_FOUND, `Project "${project}" has no containers of service "${s}".`);
    ctx.step({ id: s, label: s, state: 'waiting', detail: 'Waiting' });
  }
  const reverse = action === 'stop' || action === 'pause';
  const order = reverse ? dependentsGraph(graph) : graph;
  await runGraph(wanted, (s) => order.get(s) ?? [], async (s) => {
    ctx.step({ id: s, label: s, state: 'running', detail: `${action[0]?.toUpperCase()}${action.slice(1)}ing` });
    try {
      await Promise.all((groups.get(s) ?? []).map((c) => actOn(ctx, action, c, options.timeoutSeconds)));
    } catch (err) {
      ctx.step({ id: s, label: s, state: 'failed', detail: 'Failed' });
      throw serviceError(s, `to ${action}`, err);
    }
    ctx.step({ id: s, label: s, state: 'done', detail: DONE[action] });
  }, ctx.signal);
}

export interface DownOptions {
  volumes?: boolean;
  removeOrphans?: boolean;
  rmi?: 'local' | 'all';
  timeoutSeconds?: number;
  /** Services of the model, when the project's files are known; containers of other services are orphans. */
  modelServices?: string[];
  /** Images the model names per service (for rmi local: only services without `image:` had theirs built). */
  builtImages?: Set<string>;
}

/**
 * `compose down`: stops and removes the containers in reverse dependency order (in parallel where possible),
 * then the project's networks, and with `volumes` its named volumes, with `rmi` its images.
 */
export async function down(ctx: ApplyContext, project: string, options: DownOptions = {}): Promise<{ removed: string[] }> {
  const all = await projectContainers(ctx.docker, project);
  const known = options.modelServices ? new Set(options.modelServices) : undefined;
  const orphans = known ? all.filter((c) => c.Labels[LABEL.oneoff] !== 'True' && !known.has(serviceOf(c))) : [];
  if (orphans.length > 0 && !options.removeOrphans) {
    ctx.log(`Found orphan containers (${orphans.map(nameOf).join(', ')}) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
  }
  const targets = all.filter((c) => !orphans.includes(c) || options.removeOrphans);
  const groups = byService(targets);
  const order = dependentsGraph(graphFromLabels(targets));
  for (const s of groups.keys()) ctx.step({ id: s, label: s, state: 'waiting', detail: 'Waiting' });
  const removed: string[] = [];
  // Only stopping follows the dependency order (a service stops once the services that depend on it have). A
  // stopped container waits for nothing to be removed, so its removal runs alongside the next stops instead of
  // holding them (on a depends_on chain that was one removal per link, in series).
  const removals: Promise<void>[] = [];
  const removeGroup = async (s: string, containers: Dockerode.ContainerInfo[]): Promise<void> => {
    try {
      await Promise.all(containers.map(async (c) => {
        await removeContainer(ctx, c, options.volumes === true);
        removed.push(nameOf(c));
      }));
    } catch (err) {
      ctx.step({ id: s, label: s, state: 'failed', detail: 'Failed' });
      throw serviceError(s, 'to remove', err);
    }
    ctx.step({ id: s, label: s, state: 'done', detail: 'Removed' });
  };
  let stopFailure: { error: unknown } | undefined;
  try {
    await runGraph([...groups.keys()], (s) => order.get(s) ?? [], async (s) => {
      ctx.step({ id: s, label: s, state: 'running', detail: 'Stopping' });
      const containers = groups.get(s) ?? [];
      try {
        await Promise.all(containers.map((c) => stopContainer(ctx, c, options.timeoutSeconds)));
      } catch (err) {
        ctx.step({ id: s, label: s, state: 'failed', detail: 'Failed' });
        throw serviceError(s, 'to stop', err);
      }
      ctx.step({ id: s, label: s, state: 'running', detail: 'Removing' });
      const removal = removeGroup(s, containers);
      removal.catch(() => {}); // settled below, with the others
      removals.push(removal);
    }, ctx.signal);
  } catch (error) {
    stopFailure = { error };
  }
  // Every removal already started finishes (or fails) before down answers, whatever else failed.
  const settled = await Promise.allSettled(removals);
  if (stopFailure) throw stopFailure.error;
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  // Orphans left running keep the project's networks in use: leave the networks to a later down.
  if (orphans.length === 0 || options.removeOrphans) await removeNetworks(ctx, project);
  if (options.volumes) await removeVolumes(ctx, project);
  if (options.rmi) await removeImages(ctx, project, all, options);
  return { removed };
}

async function removeImages(ctx: ApplyContext, project: string, containers: Dockerode.ContainerInfo[], options: DownOptions): Promise<void> {
  const images = new Set<string>();
  for (const c of containers) {
    const built = options.builtImages ? options.builtImages.has(c.Image) : c.Image.startsWith(`${project}-`) || c.Image.startsWith(`${project}_`);
    if (options.rmi === 'all' || built) images.add(c.Image);
  }
  for (const image of [...images].sort()) {
    ctx.log(progressLine('Image', image, 'Removing'));
    try {
      await ctx.docker.getImage(image).remove();
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'remove', object: `image ${image}` });
      if (mapped.code === ErrorCode.NOT_FOUND) continue;
      // Still used by another project's container: compose reports it and goes on.
      ctx.log(`Image ${image} was not removed: ${mapped.message}`);
      continue;
    }
    ctx.log(progressLine('Image', image, 'Removed'));
  }
}
