import type { AuditInput } from './types';

/** The part of a normalized container config that can give it power over the host. */
export type HostPowerInput = Pick<AuditInput, 'privileged' | 'capAdd' | 'networkMode' | 'pidMode' | 'ipcMode' | 'utsMode' | 'mounts' | 'devices'>;

/**
 * What in a container's config gives it (and whoever controls it) power over the host (docs/adr/0009 and 0018):
 * privileged mode, added capabilities, the host's or another container's network, the host's PID/IPC/UTS
 * namespace, host devices, bind mounts of host paths. Undefined when there is none. One rule for both sides:
 * the server refuses such a deploy below admin (compose, templates, stacks: engine/services/common/host-power.ts),
 * and the run dialog and the app builder warn an operator before deploying it.
 */
export function hostPowerOf(input: HostPowerInput): string | undefined {
  if (input.privileged) return 'runs privileged';
  if (input.capAdd.length > 0) return `adds capabilities (${input.capAdd.join(', ')})`;
  const network = input.networkMode ?? '';
  if (network === 'host') return "uses the host's network";
  if (network.startsWith('container:')) return "uses another container's network";
  for (const [mode, label] of [
    [input.pidMode, 'process'],
    [input.ipcMode, 'IPC'],
    [input.utsMode, 'UTS'],
  ] as const) {
    if (mode === 'host') return `shares the host's ${label} namespace`;
  }
  if ((input.devices ?? []).length > 0) return 'maps host devices';
  const bind = input.mounts.find((m) => m.type === 'bind');
  if (bind) return `bind-mounts ${bind.source || 'a host path'} from the host`;
  return undefined;
}
