import type { AuditInput, AuditPort } from './types';

/** The part of the Engine's container inspect answer the rules read (structural: no dockerode types here). */
export interface InspectLike {
  AppArmorProfile?: string;
  Config?: { User?: string; Healthcheck?: { Test?: string[] | null } | null; Labels?: Record<string, string> | null } | null;
  HostConfig?: {
    Privileged?: boolean;
    NetworkMode?: string;
    PidMode?: string;
    IpcMode?: string;
    UTSMode?: string;
    CapAdd?: string[] | null;
    CapDrop?: string[] | null;
    SecurityOpt?: string[] | null;
    Memory?: number;
    NanoCpus?: number;
    CpuQuota?: number;
    CpuPeriod?: number;
    PidsLimit?: number | null;
    ReadonlyRootfs?: boolean;
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
    Devices?: { PathOnHost?: string }[] | null;
    AutoRemove?: boolean;
  } | null;
  Mounts?: { Type?: string; Source?: string; Destination?: string; RW?: boolean }[] | null;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** The published ports, one entry per host binding, from HostConfig.PortBindings ("80/tcp" → bindings). */
function portsOf(bindings: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined): AuditPort[] {
  const ports: AuditPort[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const [port = '', proto = 'tcp'] = key.split('/');
    const containerPort = Number(port);
    if (!Number.isInteger(containerPort)) continue;
    const protocol = (PROTOCOLS.has(proto) ? proto : 'tcp') as AuditPort['protocol'];
    for (const b of list ?? []) {
      const hostPort = Number(b.HostPort);
      ports.push({ hostIp: b.HostIp ?? '', ...(hostPort > 0 ? { hostPort } : {}), containerPort, protocol });
    }
  }
  return ports;
}

/** The normalized config of a container as the engine reports it (image defaults already merged in). */
export function auditInputFromInspect(info: InspectLike): AuditInput {
  const host = info.HostConfig ?? {};
  const config = info.Config ?? {};
  const test = config.Healthcheck?.Test ?? [];
  const cpus = host.NanoCpus ? host.NanoCpus / 1e9 : host.CpuQuota && host.CpuQuota > 0 ? host.CpuQuota / (host.CpuPeriod || 100_000) : 0;
  const labels = config.Labels ?? {};
  return {
    privileged: host.Privileged === true,
    networkMode: host.NetworkMode,
    pidMode: host.PidMode,
    ipcMode: host.IpcMode,
    utsMode: host.UTSMode,
    mounts: (info.Mounts ?? []).map((m) => ({ type: m.Type ?? 'volume', source: m.Source ?? '', target: m.Destination ?? '', readOnly: m.RW === false })),
    capAdd: host.CapAdd ?? [],
    capDrop: host.CapDrop ?? [],
    securityOpt: host.SecurityOpt ?? [],
    appArmorUnconfined: info.AppArmorProfile === 'unconfined',
    memory: host.Memory ?? 0,
    cpus,
    pidsLimit: host.PidsLimit ?? 0,
    user: config.User ?? '',
    healthcheck: test.length === 0 ? 'none' : test[0] === 'NONE' ? 'disabled' : 'set',
    readOnlyRootfs: host.ReadonlyRootfs === true,
    ports: portsOf(host.PortBindings),
    restartPolicy: { name: host.RestartPolicy?.Name ?? '', maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0 },
    devices: (host.Devices ?? []).map((d) => d.PathOnHost ?? '').filter(Boolean),
    managedBySwarm: 'com.docker.swarm.service.id' in labels,
    autoRemove: host.AutoRemove === true,
  };
}
