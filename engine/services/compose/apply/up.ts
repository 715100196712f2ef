import type Dockerode from 'dockerode';
import { LABEL, containerName, projectLabels } from '../labels';
import type { ComposeProject, ServiceConfig } from '../model';
import { createContainer, removeContainer, startContainer, stopContainer } from './container-ops';
import { nameOf, numberOf, progressLine, projectContainers, serviceError, serviceOf, type ApplyContext } from './context';
import { serviceConfigHash } from './hash';
import { ensureImage, imageOf, type PullPolicy } from './images';
import { dependencyGraph, runGraph, withDependencies } from './plan';
import { ensureResources } from './resources';
import { waitForCondition, waitUntilReady } from './wait';

export interface UpOptions {
  services?: string[];
  removeOrphans?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  build?: boolean;
  pull?: PullPolicy;
  noStart?: boolean;
  /** Stop timeout for recreated and removed containers. */
  timeoutSeconds?: number;
  /** Replica overrides (compose's --scale / `compose scale`). */
  scale?: Record<string, number>;
  /** How long a dependent waits for service_healthy / service_completed_successfully. Default 5 minutes. */
  waitTimeoutMs?: number;
  /** compose's --wait: after up, wait until every started service runs (and is healthy when it has a healthcheck). */
  wait?: boolean;
  /** What the project was loaded with, remembered in labels so later operations by name load the same. */
  environmentFile?: string;
  envFiles?: string[];
}

export interface UpResult {
  created: string[];
  recreated: string[];
  started: string[];
  removed: string[];
  /** Services with containers that the model no longer has. */
  orphans: string[];
}

/** Desired replicas: an override, else scale / deploy.replicas, else 1. */
export function desiredReplicas(svc: ServiceConfig, override?: number): number {
  return override ?? svc.scale ?? svc.deploy?.replicas ?? 1;
}

/**
 * `compose up -d`: networks and volumes, images, then every service's containers in dependency order, in
 * parallel where the graph allows, each waiting for its depends_on conditions. Converges: unchanged containers
 * (same config hash and image) are left alone; changed ones are recreated under the same number.
 */
export async function up(ctx: ApplyContext, project: ComposeProject, options: UpOptions = {}): Promise<UpResult> {
  const graph = dependencyGraph(project);
  const targets = options.services?.length ? withDependencies(graph, options.services) : [...graph.keys()];
  const result: UpResult = { created: [], recreated: [], started: [], removed: [], orphans: [] };
  for (const s of targets) ctx.step({ id: s, label: s, state: 'waiting', detail: 'Waiting' });

  const existing = await projectContainers(ctx.docker, project.name, { oneoff: false });
  await handleOrphans(ctx, project, existing, options, result);
  await ensureResources(ctx, project, targets);

  const images = new Map<string, string>();
  // Services sharing an image share one check (and one pull); builds stay per service.
  const byRef = new Map<string, Promise<string>>();
  for (const s of targets) {
    const svc = project.services[s];
    const key = svc?.build ? `build:${s}` : `image:${svc ? imageOf(project, s, svc) : s}`;
    let pending = byRef.get(key);
    if (!pending) {
      pending = ensureImage(ctx, project, s, { ...(options.build ? { build: true } : {}), ...(options.pull ? { pull: options.pull } : {}) });
      byRef.set(key, pending);
    }
    try {
      images.set(s, await pending);
    } catch (err) {
      ctx.step({ id: s, label: s, state: 'failed', detail: 'Image unavailable' });
      throw serviceError(s, 'to get its image', err);
    }
  }

  const labels = projectLabels({
    project: project.name,
    workingDir: project.workingDir,
    configFiles: project.composeFiles,
    ...(options.environmentFile ? { environmentFile: options.environmentFile } : {}),
    profiles: project.profiles,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    berthVersion: ctx.berthVersion,
  });
  const state: ConvergeState = { project, options, existing, images, labels, result, ids: new Map(), recreated: new Set(), names: new Map(existing.map((c) => [c.Id, nameOf(c)])) };
  try {
    await runGraph(targets, (s) => graph.get(s) ?? [], (s) => convergeService(ctx, state, s), ctx.signal);
  } finally {
    // Services that never got their turn because another one failed first.
    for (const s of targets) if (!state.ids.has(s) && !state.failed?.has(s)) ctx.step({ id: s, label: s, state: 'skipped', detail: 'Not started' });
  }
  if (options.wait && !options.noStart) await waitForAll(ctx, state, targets);
  return result;
}

/** up --wait: every target at once; a failure names the service, like a failed start. */
async function waitForAll(ctx: ApplyContext, state: ConvergeState, targets: string[]): Promise<void> {
  const { project } = state;
  const completes = (s: string) => Object.values(project.services).some((svc) => svc.depends_on?.[s]?.condition === 'service_completed_successfully');
  await Promise.all(
    targets.map(async (s) => {
      const ids = state.ids.get(s) ?? [];
      if (ids.length === 0) return;
      ctx.step({ id: s, label: s, state: 'running', detail: 'Waiting' });
      try {
        const outcome = await waitUntilReady(ctx.docker, s, ids, { signal: ctx.signal, timeoutMs: state.options.waitTimeoutMs ?? 300_000, completes: completes(s) });
        const detail = outcome === 'healthy' ? 'Healthy' : outcome === 'completed' ? 'Exited (0)' : 'Running';
        for (const id of ids) ctx.log(progressLine('Container', nameOfId(state, id), detail));
        ctx.step({ id: s, label: s, state: 'done', detail });
      } catch (err) {
        ctx.step({ id: s, label: s, state: 'failed', detail: 'Failed' });
        throw serviceError(s, 'to become ready', err);
      }
    }),
  );
}

interface ConvergeState {
  project: ComposeProject;
  options: UpOptions;
  existing: Dockerode.ContainerInfo[];
  images: Map<string, string>;
  labels: Record<string, string>;
  result: UpResult;
  /** Container IDs per converged service (for depends_on waits and network_mode service:x). */
  ids: Map<string, string[]>;
  recreated: Set<string>;
  /** Container names by ID, for progress lines about containers made in this run. */
  names: Map<string, string>;
  failed?: Set<string>;
}

async function handleOrphans(ctx: ApplyContext, project: ComposeProject, existing: Dockerode.ContainerInfo[], options: UpOptions, result: UpResult): Promise<void> {
  const known = new Set([...Object.keys(project.services), ...project.disabledServices]);
  const orphans = existing.filter((c) => !known.has(serviceOf(c)));
  result.orphans = [...new Set(orphans.map(serviceOf))].sort();
  if (orphans.length === 0) return;
  if (!options.removeOrphans) {
    ctx.log(`Found orphan containers (${orphans.map(nameOf).join(', ')}) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
    return;
  }
  await Promise.all(
    orphans.map(async (c) => {
      await stopContainer(ctx, c, options.timeoutSeconds);
      await removeContainer(ctx, c);
      result.removed.push(nameOf(c));
    }),
  );
}

async function waitForDependencies(ctx: ApplyContext, state: ConvergeState, service: string, svc: ServiceConfig): Promise<void> {
  for (const [dep, cfg] of Object.entries(svc.depends_on ?? {})) {
    const ids = state.ids.get(dep);
    if (ids === undefined || ids.length === 0) continue; // not part of this run (required: false, or scaled to 0)
    const outcome = await waitForCondition(ctx.docker, dep, ids, cfg.condition, {
      signal: ctx.signal,
      timeoutMs: state.options.waitTimeoutMs ?? 300_000,
      onWait: (detail) => ctx.step({ id: service, label: service, state: 'waiting', detail }),
    });
    if (outcome === 'healthy') {
      ctx.step({ id: dep, label: dep, state: 'done', detail: 'Healthy' });
      for (const id of ids) ctx.log(progressLine('Container', nameOfId(state, id), 'Healthy'));
    }
    if (outcome === 'completed') ctx.step({ id: dep, label: dep, state: 'done', detail: 'Exited (0)' });
  }
}

const nameOfId = (state: ConvergeState, id: string) => state.names.get(id) ?? id.slice(0, 12);

async function convergeService(ctx: ApplyContext, state: ConvergeState, service: string): Promise<void> {
  const { project, options, result } = state;
  const svc = project.services[service] as ServiceConfig;
  try {
    await waitForDependencies(ctx, state, service, svc);
    ctx.step({ id: service, label: service, state: 'running', detail: 'Creating' });
    const hash = serviceConfigHash(svc);
    const image = state.images.get(service);
    const desired = desiredReplicas(svc, options.scale?.[service]);
    const mine = state.existing.filter((c) => serviceOf(c) === service).sort((a, b) => numberOf(a) - numberOf(b));
    const keep = mine.slice(0, desired);
    for (const c of mine.slice(desired)) {
      await stopContainer(ctx, c, options.timeoutSeconds);
      await removeContainer(ctx, c);
      result.removed.push(nameOf(c));
    }
    const restartForDeps = Object.entries(svc.depends_on ?? {}).some(([d, cfg]) => cfg.restart === true && state.recreated.has(d));
    const ids: string[] = [];
    const create = (n: number) => ({
      project,
      service,
      number: n,
      containerName: typeof svc.container_name === 'string' && desired === 1 ? svc.container_name : containerName(project.name, service, n),
      projectLabels: state.labels,
      configHash: hash,
      image: imageOf(project, service, svc),
      serviceContainer: (s: string) => state.ids.get(s)?.[0],
    });
    let changed = false;
    for (const c of keep) {
      const stale = c.Labels[LABEL.configHash] !== hash || (image !== undefined && c.ImageID !== image);
      if (options.forceRecreate || (stale && !options.noRecreate)) {
        ctx.step({ id: service, label: service, state: 'running', detail: 'Recreating' });
        ctx.log(progressLine('Container', nameOf(c), 'Recreate'));
        await stopContainer(ctx, c, options.timeoutSeconds);
        await removeContainer(ctx, c);
        const spec = create(numberOf(c));
        const id = await createContainer(ctx, spec, !options.noStart);
        ids.push(id);
        state.names.set(id, spec.containerName);
        result.recreated.push(nameOf(c));
        state.recreated.add(service);
        changed = true;
      } else if (!options.noStart && (c.State !== 'running' || restartForDeps)) {
        ctx.step({ id: service, label: service, state: 'running', detail: 'Starting' });
        if (c.State === 'running') {
          ctx.log(progressLine('Container', nameOf(c), 'Restarting'));
          await ctx.docker.getContainer(c.Id).restart(options.timeoutSeconds === undefined ? {} : { t: options.timeoutSeconds });
        } else await startContainer(ctx, c.Id, nameOf(c));
        result.started.push(nameOf(c));
        ids.push(c.Id);
        changed = true;
      } else {
        ctx.log(progressLine('Container', nameOf(c), c.State === 'running' ? 'Running' : 'Created'));
        ids.push(c.Id);
      }
    }
    const used = new Set(keep.map(numberOf));
    for (let n = 1; ids.length < desired; n++) {
      if (used.has(n)) continue;
      const spec = create(n);
      const id = await createContainer(ctx, spec, !options.noStart);
      ids.push(id);
      state.names.set(id, spec.containerName);
      result.created.push(spec.containerName);
      changed = true;
    }
    state.ids.set(service, ids);
    const detail = desired === 0 ? 'Scaled to 0' : options.noStart ? 'Created' : changed ? 'Started' : 'Running';
    ctx.step({ id: service, label: service, state: 'done', detail });
  } catch (err) {
    (state.failed ??= new Set()).add(service);
    ctx.step({ id: service, label: service, state: 'failed', detail: 'Failed' });
    throw serviceError(service, 'to start', err);
  }
}
