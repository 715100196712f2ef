import type Dockerode from 'dockerode';
import type {
  ComposeProjectStatus,
  ComposeProjectSummary,
  ComposeServiceDetail,
  ComposeServiceState,
  ContainerSummary,
  PortMapping,
} from '../../../contract';
import type { StoredComposeProject } from '../../../store/types';
import { toContainerSummary } from '../../common/container-summary';
import { LABEL } from '../labels';

/** The project's status from its service containers (one-off `run` containers do not count). */
export function projectStatus(containers: ContainerSummary[]): ComposeProjectStatus {
  const running = containers.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting').length;
  if (containers.length > 0 && running === containers.length) return 'running';
  if (running > 0) return 'partial';
  // Stopped by a signal (compose stop: SIGTERM 143, SIGKILL 137, Ctrl+C 130) is stopped, not crashed.
  const failed = containers.some((c) => c.state === 'dead' || (c.state === 'exited' && !/^Exited \((0|130|137|143)\)/.test(c.status)));
  return failed ? 'exited' : 'stopped';
}

/** Who made it: Berth marks its containers; otherwise com.docker.compose.version says which compose. */
function origin(labels: Record<string, string>): Pick<ComposeProjectSummary, 'origin' | 'createdBy'> {
  const berth = labels[LABEL.berth];
  if (berth) return { origin: 'berth', createdBy: `Berth ${berth}` };
  const version = labels[LABEL.version];
  if (!version) return { origin: 'cli' };
  return { origin: 'cli', createdBy: version.startsWith('1.') ? `docker-compose ${version}` : `Docker Compose ${version}` };
}

const isServiceContainer = (c: ContainerSummary) => c.labels[LABEL.oneoff] !== 'True';

/**
 * Summaries of every project: grouped from the labelled containers, plus the projects Berth opened that have
 * no containers (yet, or any more).
 */
export function summarise(containers: ContainerSummary[], stored: StoredComposeProject[]): ComposeProjectSummary[] {
  const byProject = new Map<string, ContainerSummary[]>();
  for (const c of containers) {
    const p = c.labels[LABEL.project];
    if (!p || !isServiceContainer(c)) continue;
    byProject.set(p, [...(byProject.get(p) ?? []), c]);
  }
  const out = new Map<string, ComposeProjectSummary>();
  for (const [name, list] of byProject) out.set(name, summaryOf(name, list, stored.find((s) => s.name === name)));
  for (const s of stored) if (!out.has(s.name)) out.set(s.name, storedSummary(s));
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function summaryOf(name: string, list: ContainerSummary[], stored?: StoredComposeProject): ComposeProjectSummary {
  if (list.length === 0 && stored) return storedSummary(stored);
  const newest = [...list].sort((a, b) => b.created - a.created)[0];
  const labels = newest?.labels ?? {};
  const services = new Set(list.map((c) => c.labels[LABEL.service] ?? ''));
  const configFiles = labels[LABEL.configFiles];
  const workingDir = labels[LABEL.workingDir] ?? stored?.source.workingDir;
  return {
    name,
    status: projectStatus(list),
    services: Math.max(services.size, stored?.services ?? 0),
    containers: { running: list.filter((c) => c.state === 'running').length, total: list.length },
    ...(workingDir ? { workingDir } : {}),
    ...(configFiles ? { configFiles: configFiles.split(',').filter(Boolean) } : stored?.source.files.length ? { configFiles: stored.source.files } : {}),
    ...origin(labels),
  };
}

function storedSummary(s: StoredComposeProject): ComposeProjectSummary {
  return {
    name: s.name,
    status: 'stopped',
    services: s.services,
    containers: { running: 0, total: 0 },
    workingDir: s.source.workingDir,
    ...(s.source.files.length ? { configFiles: s.source.files } : {}),
    origin: 'berth',
    createdBy: 'Berth',
  };
}

export function summariesFromEngine(list: Dockerode.ContainerInfo[]): ContainerSummary[] {
  return list.map(toContainerSummary);
}

function serviceState(list: ContainerSummary[]): ComposeServiceState {
  if (list.length === 0) return 'missing';
  if (list.some((c) => c.state === 'restarting')) return 'restarting';
  if (list.every((c) => c.state === 'paused')) return 'paused';
  const status = projectStatus(list);
  return status === 'running' ? 'running' : status === 'partial' ? 'partial' : status;
}

function health(list: ContainerSummary[]): ComposeServiceDetail['health'] {
  const states = list.map((c) => /\((healthy|unhealthy|health: starting)\)/.exec(c.status)?.[1]).filter(Boolean);
  if (states.length === 0) return undefined;
  if (states.includes('unhealthy')) return 'unhealthy';
  if (states.includes('health: starting')) return 'starting';
  return 'healthy';
}

export interface ModelService {
  name: string;
  image: string;
  replicas: number;
  dependsOn: string[];
}

/** One row per service: the model's services (when known) in its order, then services only containers know. */
export function serviceDetails(containers: ContainerSummary[], model?: ModelService[]): ComposeServiceDetail[] {
  const mine = containers.filter(isServiceContainer);
  const names = [...(model ?? []).map((m) => m.name)];
  for (const c of mine) {
    const s = c.labels[LABEL.service] ?? '';
    if (!names.includes(s)) names.push(s);
  }
  return names.map((name) => {
    const list = mine.filter((c) => c.labels[LABEL.service] === name);
    const m = model?.find((x) => x.name === name);
    const ports: PortMapping[] = list.flatMap((c) => c.ports.filter((p) => p.publicPort !== undefined));
    const h = health(list);
    return {
      name,
      image: m?.image ?? list[0]?.image ?? '',
      state: serviceState(list),
      replicas: { ...(m ? { desired: m.replicas } : {}), running: list.filter((c) => c.state === 'running').length },
      ...(h ? { health: h } : {}),
      containers: list,
      ports,
      ...(m ? { dependsOn: m.dependsOn } : {}),
    };
  });
}
