import { setMaxListeners } from 'node:events';
import type Dockerode from 'dockerode';
import pkg from '../../../package.json' with { type: 'json' };
import {
  ErrorCode,
  type ComposeConfigResult,
  type ComposeProjectDetail,
  type ComposeProjectSummary,
  type ComposeSource,
  type ContainerSummary,
  type TaskRef,
  type TaskStep,
} from '../../contract';
import { BerthError } from '../../base/errors';
import type { ComposeProjectsStore, StoredComposeProject } from '../../store/types';
import type { ServiceContext } from '../context';
import type { TaskContext } from '../tasks/task-manager';
import { projectContainers, type ApplyContext } from './apply/context';
import { imageOf } from './apply/images';
import { dependencyGraph } from './apply/plan';
import { desiredReplicas } from './apply/up';
import { toConfigYaml } from './config-yaml';
import { LABEL } from './labels';
import type { ComposeProject } from './model';
import { composeFeed } from './project/feed';
import type { LiveCollection } from '../common/live-collection';
import { loadFromSource, requireSource, sourceOf } from './project/source';
import { serviceDetails, summariesFromEngine, summaryOf, type ModelService } from './project/summaries';

export const BERTH_VERSION: string = pkg.version;

/** Projects Berth opened, in memory, for stores that do not persist them (tests). */
function memoryProjects(): ComposeProjectsStore {
  const map = new Map<string, StoredComposeProject>();
  return {
    list: () => [...map.values()].sort((a, b) => a.name.localeCompare(b.name)),
    get: (n) => map.get(n),
    put: (p) => void map.set(p.name, p),
    remove: (n) => void map.delete(n),
  };
}

/**
 * The compose domain: projects (from labels + the ones Berth opened), their model, and long operations as
 * tasks. The apply/ modules do the work against the engine; this class loads, remembers and reports.
 */
export class ComposeService {
  readonly projects: ComposeProjectsStore;
  readonly feed: LiveCollection<'compose.changed'>;
  /**
   * Replicas set by Scale since the last Up or Down, per project and service: the engine keeps no record of
   * it and the files still say the old number, so the services view would read "3/1". In memory only.
   */
  private readonly scaled = new Map<string, Record<string, number>>();

  constructor(readonly ctx: ServiceContext) {
    this.projects = ctx.store.composeProjects ?? memoryProjects();
    this.feed = composeFeed(ctx, () => this.projects.list());
  }

  docker(): Dockerode {
    return this.ctx.engine.docker();
  }

  listProjects(): Promise<ComposeProjectSummary[]> {
    return this.feed.list();
  }

  /** Loads a source; the project is remembered (listed even without containers) once Berth acted on it. */
  async load(source: ComposeSource, services?: string[]): Promise<ComposeProject> {
    return loadFromSource(source, services ? { services } : {});
  }

  remember(project: ComposeProject, source: ComposeSource): void {
    this.projects.put({ name: project.name, source: { ...source, projectName: project.name }, services: Object.keys(project.services).length, openedAt: Date.now() });
    this.feed.refresh([project.name]);
  }

  async open(source: ComposeSource): Promise<ComposeProjectSummary> {
    const project = await this.load(source);
    this.remember(project, source);
    const containers = summariesFromEngine(await this.containersOf(project.name).catch(() => []));
    return summaryOf(project.name, containers, this.projects.get(project.name));
  }

  forget(name: string): void {
    this.projects.remove(name);
    this.feed.refresh([name]);
  }

  async config(source: ComposeSource): Promise<ComposeConfigResult> {
    const project = await this.load(source);
    let profiles: string[] = [];
    try {
      const all = await loadFromSource({ ...source, profiles: ['*'] });
      profiles = [...new Set(Object.values(all.services).flatMap((s) => s.profiles ?? []))].sort();
    } catch {
      profiles = project.profiles;
    }
    return { yaml: toConfigYaml(project), warnings: project.warnings, services: Object.keys(project.services), profiles, name: project.name };
  }

  containersOf(project: string, options: { oneoff?: boolean } = {}): Promise<Dockerode.ContainerInfo[]> {
    return projectContainers(this.docker(), project, options);
  }

  async ps(name: string, all = true): Promise<ContainerSummary[]> {
    const list = summariesFromEngine(await this.containersOf(name, { oneoff: false }));
    return all ? list : list.filter((c) => c.state === 'running');
  }

  /** The source of a project by name: remembered, else from its labels (files that still exist). */
  async sourceByName(name: string, containers?: Dockerode.ContainerInfo[]): Promise<ComposeSource | undefined> {
    return sourceOf(name, this.projects.get(name), containers ?? (await this.containersOf(name)));
  }

  async requireModel(name: string): Promise<{ project: ComposeProject; source: ComposeSource }> {
    const source = requireSource(name, await this.sourceByName(name));
    return { project: await this.load(source), source };
  }

  scaledTo(project: string, service: string, replicas: number): void {
    this.scaled.set(project, { ...this.scaled.get(project), [service]: replicas });
  }

  /** Up applies the files again (for some services, or all) and Down removes everything: the scale is theirs. */
  resetScale(project: string, services?: string[]): void {
    const scaled = this.scaled.get(project);
    if (!scaled || !services?.length) return void this.scaled.delete(project);
    this.scaled.set(project, Object.fromEntries(Object.entries(scaled).filter(([s]) => !services.includes(s))));
  }

  async get(name: string): Promise<ComposeProjectDetail> {
    const raw = await this.containersOf(name);
    const containers = summariesFromEngine(raw);
    const stored = this.projects.get(name);
    const service = containers.filter((c) => c.labels[LABEL.oneoff] !== 'True');
    if (service.length === 0 && !stored) {
      throw new BerthError(ErrorCode.NOT_FOUND, `No compose project "${name}": it has no containers and Berth has not opened it. Refresh the list.`);
    }
    const source = await sourceOf(name, stored, raw);
    let model: ModelService[] | undefined;
    let orphans: string[] | undefined;
    if (source) {
      try {
        const project = await this.load(source);
        const graph = dependencyGraph(project);
        model = Object.entries(project.services).map(([s, svc]) => ({ name: s, image: imageOf(project, s, svc), replicas: this.scaled.get(name)?.[s] ?? desiredReplicas(svc), dependsOn: graph.get(s) ?? [] }));
        const known = new Set([...Object.keys(project.services), ...project.disabledServices]);
        orphans = [...new Set(service.map((c) => c.labels[LABEL.service] ?? '').filter((s) => !known.has(s)))].sort();
      } catch {
        model = undefined; // the files are broken right now: show what the containers say
      }
    }
    return {
      summary: summaryOf(name, service, stored),
      services: serviceDetails(service, model),
      ...(source ? { source } : {}),
      ...(orphans?.length ? { orphans } : {}),
    };
  }

  /** Starts a compose task; its steps (one per service) and compose-style lines are the progress. */
  task<R>(kind: string, title: string, body: (actx: ApplyContext) => Promise<R>): TaskRef {
    const taskId = this.ctx.tasks.start({
      kind,
      title,
      keepLog: true,
      run: (t) => body(this.applyContext(t)),
    });
    return { taskId };
  }

  private applyContext(t: TaskContext): ApplyContext {
    const steps = new Map<string, TaskStep['state']>();
    // Every engine request of the task listens to its cancel signal; a 50-service project makes that many.
    setMaxListeners(1000, t.signal);
    return {
      docker: this.docker(),
      signal: t.signal,
      berthVersion: BERTH_VERSION,
      step: (s) => {
        steps.set(s.id, s.state);
        t.step(s);
        const total = steps.size;
        const done = [...steps.values()].filter((x) => x === 'done' || x === 'skipped').length;
        t.progress({ progress: { fraction: total ? done / total : 0, current: done, total, unit: 'steps' } });
      },
      log: (line) => {
        t.log(line);
        t.progress({ message: line.trim() });
      },
    };
  }

  dispose(): void {
    this.feed.dispose();
  }
}
