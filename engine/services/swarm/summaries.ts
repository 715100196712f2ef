import type {
  NodeAvailability,
  NodeRole,
  NodeState,
  ServiceMode,
  ServicePort,
  ServiceUpdateStatus,
  SwarmNode,
  SwarmServiceSummary,
  SwarmTask,
  SwarmTaskState,
} from '../../contract';
import { STACK_LABEL } from '../common/swarm-api';
import type { EngineNode, EngineService, EngineServiceSpec, EngineTask } from './engine-types';

export { STACK_LABEL };

const time = (s: string | undefined): number | undefined => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
};
const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };

export function toSwarmNode(n: EngineNode, selfId: string | undefined): SwarmNode {
  const d = n.Description ?? {};
  const res = d.Resources ?? {};
  return {
    id: n.ID,
    hostname: d.Hostname ?? n.ID.slice(0, 12),
    role: (n.Spec?.Role ?? 'worker') as NodeRole,
    availability: (n.Spec?.Availability ?? 'active') as NodeAvailability,
    state: (n.Status?.State ?? 'unknown') as NodeState,
    ...opt('message', n.Status?.Message),
    ...opt('addr', n.Status?.Addr),
    leader: n.ManagerStatus?.Leader === true,
    ...opt('reachability', n.ManagerStatus?.Reachability as SwarmNode['reachability']),
    ...opt('managerAddr', n.ManagerStatus?.Addr),
    ...opt('engineVersion', d.Engine?.EngineVersion),
    ...opt('os', d.Platform?.OS),
    ...opt('arch', d.Platform?.Architecture),
    ...opt('cpus', res.NanoCPUs ? res.NanoCPUs / 1e9 : undefined),
    ...opt('memoryBytes', res.MemoryBytes),
    labels: n.Spec?.Labels ?? {},
    engineLabels: d.Engine?.Labels ?? {},
    self: n.ID === selfId,
    version: n.Version?.Index ?? 0,
    ...opt('createdAt', time(n.CreatedAt)),
    ...opt('updatedAt', time(n.UpdatedAt)),
  };
}

/** "image:tag@sha256:…" → the name as written and the pinned digest. */
export function splitDigest(image: string): { image: string; digest?: string } {
  const at = image.indexOf('@');
  return at < 0 ? { image } : { image: image.slice(0, at), digest: image.slice(at + 1) };
}

export function serviceModeOf(mode: EngineService['Spec']['Mode']): ServiceMode {
  if (mode?.Global) return 'global';
  if (mode?.ReplicatedJob) return 'replicated-job';
  if (mode?.GlobalJob) return 'global-job';
  return 'replicated';
}

/** The networks a service's tasks attach to: TaskTemplate.Networks, or the deprecated Spec.Networks of old engines. */
export function serviceNetworks(spec: EngineServiceSpec): { Target: string; Aliases?: string[] }[] {
  return spec.TaskTemplate?.Networks ?? spec.Networks ?? [];
}

export function toSwarmService(s: EngineService, networkNames: ReadonlyMap<string, string>): SwarmServiceSummary {
  const spec = s.Spec;
  const { image, digest } = splitDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? '');
  const mode = serviceModeOf(spec.Mode);
  const ports: ServicePort[] = (s.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? []).map((p) => ({
    target: p.TargetPort,
    ...opt('published', p.PublishedPort),
    protocol: p.Protocol ?? 'tcp',
    mode: p.PublishMode ?? 'ingress',
  }));
  const nets = serviceNetworks(spec);
  const labels = spec.Labels ?? {};
  const u = s.UpdateStatus;
  const update: ServiceUpdateStatus | undefined = u?.State
    ? {
        state: u.State as ServiceUpdateStatus['state'],
        ...opt('message', u.Message),
        ...opt('startedAt', time(u.StartedAt)),
        ...opt('completedAt', time(u.CompletedAt)),
      }
    : undefined;
  return {
    id: s.ID,
    name: spec.Name,
    image,
    ...opt('imageDigest', digest),
    mode,
    ...opt('replicas', mode === 'replicated' ? (spec.Mode?.Replicated?.Replicas ?? 1) : undefined),
    running: s.ServiceStatus?.RunningTasks ?? 0,
    desired: s.ServiceStatus?.DesiredTasks ?? 0,
    ports,
    ...opt('stack', labels[STACK_LABEL]),
    labels,
    networks: nets.map((n) => networkNames.get(n.Target) ?? n.Target),
    networkRefs: nets.map((n) => ({ id: n.Target, name: networkNames.get(n.Target) ?? n.Target, aliases: n.Aliases ?? [] })),
    ...opt('update', update),
    ...opt('createdAt', time(s.CreatedAt)),
    ...opt('updatedAt', time(s.UpdatedAt)),
    version: s.Version?.Index ?? 0,
  };
}

export function toSwarmTask(t: EngineTask, serviceNames: ReadonlyMap<string, { name: string; stack?: string | undefined }>): SwarmTask {
  const service = serviceNames.get(t.ServiceID);
  const st = t.Status ?? {};
  const cs = st.ContainerStatus ?? {};
  return {
    id: t.ID,
    serviceId: t.ServiceID,
    serviceName: service?.name ?? t.ServiceID.slice(0, 12),
    ...opt('stack', service?.stack),
    ...opt('slot', t.Slot),
    ...opt('nodeId', t.NodeID),
    desiredState: (t.DesiredState ?? 'new') as SwarmTaskState,
    state: (st.State ?? 'new') as SwarmTaskState,
    ...opt('message', st.Message),
    ...opt('error', st.Err),
    ...opt('containerId', cs.ContainerID),
    ...opt('exitCode', typeof cs.ExitCode === 'number' && ['complete', 'failed', 'shutdown', 'rejected'].includes(st.State ?? '') ? cs.ExitCode : undefined),
    ...opt('image', splitDigest(t.Spec?.ContainerSpec?.Image ?? '').image),
    ...opt('stateSince', time(st.Timestamp)),
    ...opt('createdAt', time(t.CreatedAt)),
    ...opt('updatedAt', time(t.UpdatedAt)),
  };
}

/** Whether a task changed in anything the UI shows (updatedAt alone moves on every heartbeat). */
export function sameTask(a: SwarmTask, b: SwarmTask): boolean {
  const { updatedAt: _a, ...ra } = a;
  const { updatedAt: _b, ...rb } = b;
  return JSON.stringify(ra) === JSON.stringify(rb);
}
