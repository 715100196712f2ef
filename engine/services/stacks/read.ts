import type Dockerode from 'dockerode';
import type { StackDetails, StackObject, StackSummary } from '../../contract';
import { filters, managerList } from '../common/swarm-list';
import { STACK_LABEL } from '../common/swarm-api';
import type { EngineService } from '../common/swarm-engine-types';

/** The engine's view of every object of the stacks on this swarm (one list call per kind). */
export interface StackObjects {
  services: EngineService[];
  networks: { Id: string; Name: string; Driver?: string; Scope?: string; Created?: string; Labels?: Record<string, string> | null }[];
  secrets: EngineObject[];
  configs: EngineObject[];
}
export interface EngineObject {
  ID: string;
  CreatedAt?: string;
  Version?: { Index?: number };
  Spec: { Name: string; Labels?: Record<string, string>; Data?: string };
}

const byLabel = (stack?: string) => ({ filters: filters({ label: [stack === undefined ? STACK_LABEL : `${STACK_LABEL}=${stack}`] }) });

/** Every stack object, or only one stack's. Outside a swarm (or on a worker) every list is empty. */
export async function readStackObjects(docker: Dockerode, stack?: string): Promise<StackObjects> {
  const q = byLabel(stack);
  const [services, networks, secrets, configs] = await Promise.all([
    managerList<EngineService>(docker, { method: 'GET', path: '/services', query: { status: true, ...q } }, 'stack services'),
    managerList<StackObjects['networks'][number]>(docker, { method: 'GET', path: '/networks', query: q }, 'stack networks'),
    managerList<EngineObject>(docker, { method: 'GET', path: '/secrets', query: q }, 'stack secrets'),
    managerList<EngineObject>(docker, { method: 'GET', path: '/configs', query: q }, 'stack configs'),
  ]);
  // A worker answers [] for swarm objects but still lists networks: a stack is named by its swarm objects.
  return { services, networks: services.length || secrets.length || configs.length ? networks : [], secrets, configs };
}

export const stackOf = (labels: Record<string, string> | null | undefined): string | undefined => labels?.[STACK_LABEL];

const time = (s: string | undefined): number | undefined => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
};

/** The stacks named by any of their objects, as `docker stack ls` counts them (services per stack). */
export function summarize(o: StackObjects): StackSummary[] {
  const stacks = new Map<string, StackSummary>();
  const get = (name: string): StackSummary => {
    let s = stacks.get(name);
    if (!s) stacks.set(name, (s = { name, services: 0, running: 0, desired: 0, networks: 0, secrets: 0, configs: 0, orchestrator: 'swarm' }));
    return s;
  };
  for (const svc of o.services) {
    const name = stackOf(svc.Spec.Labels);
    if (name === undefined) continue;
    const s = get(name);
    s.services++;
    s.running += svc.ServiceStatus?.RunningTasks ?? 0;
    s.desired += svc.ServiceStatus?.DesiredTasks ?? 0;
    const created = time(svc.CreatedAt);
    const updated = time(svc.UpdatedAt);
    if (created !== undefined && (s.createdAt === undefined || created < s.createdAt)) s.createdAt = created;
    if (updated !== undefined && (s.updatedAt === undefined || updated > s.updatedAt)) s.updatedAt = updated;
  }
  for (const [kind, items] of [['networks', o.networks.map((n) => n.Labels)], ['secrets', o.secrets.map((x) => x.Spec.Labels)], ['configs', o.configs.map((x) => x.Spec.Labels)]] as const) {
    for (const labels of items) {
      const name = stackOf(labels);
      if (name !== undefined) get(name)[kind]++;
    }
  }
  return [...stacks.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const object = (x: EngineObject): StackObject => ({ id: x.ID, name: x.Spec.Name, labels: x.Spec.Labels ?? {}, ...(time(x.CreatedAt) ? { createdAt: time(x.CreatedAt) } : {}) });

/** One stack's objects for `stacks.inspect` (services come as the swarm domain's summaries, filled in by the caller). */
export function detailsOf(name: string, o: StackObjects): Omit<StackDetails, 'serviceItems'> | undefined {
  const summary = summarize(o).find((s) => s.name === name);
  if (!summary) return undefined;
  return {
    ...summary,
    networkItems: o.networks.map((n) => ({ id: n.Id, name: n.Name, driver: n.Driver ?? '', scope: n.Scope ?? '', labels: n.Labels ?? {}, ...(time(n.Created) ? { createdAt: time(n.Created) } : {}) })),
    secretItems: o.secrets.map(object),
    configItems: o.configs.map(object),
  };
}
