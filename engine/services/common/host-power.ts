import type Dockerode from 'dockerode';
import { ErrorCode } from '../../contract';
import { currentCaller } from '../../base/caller-scope';
import { BerthError } from '../../base/errors';
import type { EngineServiceSpec } from './swarm-engine-types';

/**
 * What in an Engine create body gives the container power over the host (docs/adr/0009 and 0018): privileged
 * mode, added capabilities, the host's (or another container's) namespaces, host devices, and bind mounts of
 * host paths. Undefined when there is none. The contract refuses such `containers.create` parameters below admin;
 * this covers what is resolved later from a file (compose projects, templates, stacks).
 */
export function hostPowerOf(body: Dockerode.ContainerCreateOptions): string | undefined {
  const h = body.HostConfig ?? {};
  if (h.Privileged) return 'runs privileged';
  const capAdd = (h.CapAdd ?? []) as string[];
  if (capAdd.length > 0) return `adds capabilities (${capAdd.join(', ')})`;
  const network = h.NetworkMode ?? '';
  if (network === 'host' || network.startsWith('container:')) return network === 'host' ? "uses the host's network" : "uses another container's network";
  for (const [key, label] of [['PidMode', 'process'], ['IpcMode', 'IPC'], ['UTSMode', 'UTS']] as const) {
    const mode = h[key] ?? '';
    if (mode === 'host') return `shares the host's ${label} namespace`;
  }
  if (((h.Devices ?? []) as unknown[]).length > 0) return 'maps host devices';
  const bind = (h.Binds ?? []).find((b) => b.split(':')[0]?.startsWith('/')) ?? (h.Mounts ?? []).find((m) => m.Type === 'bind')?.Source;
  if (bind) return `bind-mounts ${bind.split(':')[0] ?? bind} from the host`;
  return undefined;
}

/** The same for a swarm service spec (a stack's services): bind mounts, added capabilities, the host network. */
export function serviceHostPowerOf(spec: EngineServiceSpec): string | undefined {
  const cs = spec.TaskTemplate?.ContainerSpec;
  const caps = (cs?.CapabilityAdd ?? []) as string[];
  if (caps.length > 0) return `adds capabilities (${caps.join(', ')})`;
  const bind = (cs?.Mounts ?? []).find((m) => m.Type === 'bind');
  if (bind) return `bind-mounts ${bind.Source ?? 'a host path'} from the host`;
  if ((spec.TaskTemplate?.Networks ?? []).some((n) => n.Target === 'host')) return "uses the host's network";
  return undefined;
}

/**
 * Refuses to create `what` with host power when the call that asked for it (compose up, a template deploy) was
 * made by a role below admin. Calls outside the dispatcher (none today) are not checked here.
 */
export function checkHostPower(what: string, power: string | undefined): void {
  const caller = currentCaller();
  if (!caller || caller.role === 'admin' || !power) return;
  throw new BerthError(
    ErrorCode.FORBIDDEN,
    `Your role (${caller.role}) may not create ${what}: it ${power}, which is power over the host. An admin can deploy it.`,
  );
}
