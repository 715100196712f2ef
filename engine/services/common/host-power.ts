import type Dockerode from 'dockerode';
import { ErrorCode, hostPowerOf as contractHostPowerOf } from '../../contract';
import { currentCaller } from '../../base/caller-scope';
import { BerthError } from '../../base/errors';
import type { EngineServiceSpec } from './swarm-engine-types';

/**
 * What in an Engine create body gives the container power over the host (docs/adr/0009 and 0018), by the
 * contract's one rule (`hostPowerOf` in engine/contract/security, which the renderer uses to warn first).
 * Undefined when there is none. The contract refuses such `containers.create` parameters below admin; this
 * covers what is resolved later from a file (compose projects, templates, stacks).
 */
export function hostPowerOf(body: Dockerode.ContainerCreateOptions): string | undefined {
  const h = body.HostConfig ?? {};
  const binds = (h.Binds ?? []).map((b) => ({ source: b.split(':')[0] ?? b })).filter((b) => b.source.startsWith('/'));
  const mounts = (h.Mounts ?? []).map((m) => ({ type: m.Type ?? 'volume', source: m.Source ?? '', target: m.Target, readOnly: m.ReadOnly === true }));
  return contractHostPowerOf({
    privileged: h.Privileged === true,
    capAdd: (h.CapAdd ?? []) as string[],
    networkMode: h.NetworkMode,
    pidMode: h.PidMode,
    ipcMode: h.IpcMode,
    utsMode: h.UTSMode,
    devices: ((h.Devices ?? []) as { PathOnHost?: string }[]).map((d) => d.PathOnHost ?? 'a device'),
    mounts: [...binds.map((b) => ({ type: 'bind', source: b.source, target: '', readOnly: false })), ...mounts],
  });
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
