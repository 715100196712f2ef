import type Dockerode from 'dockerode';
import type { SecurityFacts, SystemInfo } from '../../contract';
import { mapDockerError } from '../../docker/errors';

/** The parts of GET /info and GET /version Berth shows (dockerode's types miss several). */
interface EngineInfo {
  ID?: string;
  Name?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Driver?: string;
  DriverStatus?: [string, string][] | null;
  LoggingDriver?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  KernelVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  DockerRootDir?: string;
  HttpProxy?: string;
  HttpsProxy?: string;
  NoProxy?: string;
  ExperimentalBuild?: boolean;
  Debug?: boolean;
  LiveRestoreEnabled?: boolean;
  Runtimes?: Record<string, unknown> | null;
  DefaultRuntime?: string;
  SecurityOptions?: string[] | null;
  RegistryConfig?: {
    Mirrors?: string[] | null;
    InsecureRegistryCIDRs?: string[] | null;
    IndexConfigs?: Record<string, { Name: string; Secure: boolean }> | null;
  } | null;
  Swarm?: { LocalNodeState?: string; NodeID?: string; ControlAvailable?: boolean; Managers?: number; Nodes?: number } | null;
  Warnings?: string[] | null;
}

interface EngineVersion {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  GitCommit?: string;
  GoVersion?: string;
}

/** "name=seccomp,profile=default" entries → facts; old engines send bare names ("apparmor"). */
export function securityFacts(options: string[]): SecurityFacts {
  const entries = options.map((o) => Object.fromEntries(o.split(',').map((kv) => (kv.includes('=') ? (kv.split('=', 2) as [string, string]) : ['name', kv]))));
  const has = (name: string) => entries.some((e) => e.name === name);
  const seccomp = entries.find((e) => e.name === 'seccomp');
  return {
    rootless: has('rootless'),
    userns: has('userns'),
    apparmor: has('apparmor'),
    selinux: has('selinux'),
    ...(seccomp ? { seccomp: seccomp.profile ?? 'default' } : {}),
    raw: options,
  };
}

export function toSystemInfo(info: EngineInfo, version: EngineVersion): SystemInfo {
  const secure = Object.values(info.RegistryConfig?.IndexConfigs ?? {});
  const insecure = [
    ...(info.RegistryConfig?.InsecureRegistryCIDRs ?? []),
    ...secure.filter((c) => !c.Secure).map((c) => c.Name),
  ];
  const swarm = info.Swarm ?? {};
  const s: SystemInfo = {
    name: info.Name ?? '',
    id: info.ID ?? '',
    version: version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    os: info.OperatingSystem ?? '',
    osType: info.OSType ?? '',
    kernelVersion: info.KernelVersion ?? '',
    architecture: info.Architecture ?? '',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    storageDriver: info.Driver ?? '',
    storageStatus: info.DriverStatus ?? [],
    loggingDriver: info.LoggingDriver ?? '',
    cgroupDriver: info.CgroupDriver ?? '',
    cgroupVersion: info.CgroupVersion ?? '',
    security: securityFacts(info.SecurityOptions ?? []),
    defaultRuntime: info.DefaultRuntime ?? '',
    runtimes: Object.keys(info.Runtimes ?? {}).sort(),
    registryMirrors: info.RegistryConfig?.Mirrors ?? [],
    insecureRegistries: [...new Set(insecure)],
    swarm: {
      state: swarm.LocalNodeState ?? 'inactive',
      controlAvailable: swarm.ControlAvailable ?? false,
      ...(swarm.NodeID ? { nodeId: swarm.NodeID } : {}),
      ...(swarm.Managers !== undefined ? { managers: swarm.Managers } : {}),
      ...(swarm.Nodes !== undefined ? { nodes: swarm.Nodes } : {}),
    },
    dataRoot: info.DockerRootDir ?? '',
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
    experimental: info.ExperimentalBuild ?? false,
    liveRestore: info.LiveRestoreEnabled ?? false,
    warnings: info.Warnings ?? [],
  };
  if (info.Debug !== undefined) s.debug = info.Debug;
  if (version.MinAPIVersion) s.minApiVersion = version.MinAPIVersion;
  if (version.GitCommit) s.gitCommit = version.GitCommit;
  if (version.GoVersion) s.goVersion = version.GoVersion;
  if (info.HttpProxy) s.httpProxy = info.HttpProxy;
  if (info.HttpsProxy) s.httpsProxy = info.HttpsProxy;
  if (info.NoProxy) s.noProxy = info.NoProxy;
  return s;
}

export async function readSystemInfo(docker: Dockerode): Promise<SystemInfo> {
  try {
    const [info, version] = await Promise.all([docker.info() as Promise<EngineInfo>, docker.version() as Promise<EngineVersion>]);
    return toSystemInfo(info, version);
  } catch (err) {
    throw mapDockerError(err, { action: 'read', object: 'engine info' });
  }
}
