import type Dockerode from 'dockerode';
import {
  ErrorCode,
  parseEnvFile,
  type ContainerChanges,
  type ContainerSpec,
  type HealthcheckSpec,
  type MountSpec,
  type PortSpec,
} from '../../contract';
import { BerthError } from '../../base/errors';

// A validated ContainerSpec → the Engine API's create body (what `docker run` sends), and back the pieces
// recreate overlays on an existing container's config.

const NS_PER_SECOND = 1e9;

export const portKey = (p: Pick<PortSpec, 'containerPort' | 'protocol'>) =>
  `${p.containerPort}/${p.protocol}`;

/** env and envFile merged the way `docker run --env-file F -e K=V` does: -e wins. */
export function effectiveEnv(spec: Pick<ContainerSpec, 'env' | 'envFile'>): Record<string, string> {
  if (!spec.envFile) return spec.env;
  const parsed = parseEnvFile(spec.envFile);
  if (parsed.problems.length) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `The env file has problems: ${parsed.problems.join('; ')}. Fix those lines and try again.`,
      { field: 'envFile', problems: parsed.problems },
    );
  }
  return { ...parsed.env, ...spec.env };
}

export const envList = (env: Record<string, string>): string[] =>
  Object.entries(env).map(([k, v]) => `${k}=${v}`);

/** ExposedPorts and PortBindings: an unpublished row only exposes; several host bindings of one port stack. */
export function portConfig(ports: PortSpec[]): {
  exposed: Record<string, object>;
  bindings: Record<string, { HostIp: string; HostPort: string }[]>;
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of ports) {
    const key = portKey(p);
    exposed[key] = {};
    (bindings[key] ??= []).push({
      HostIp: p.hostIp ?? '',
      HostPort: p.hostPort === undefined ? '' : String(p.hostPort),
    });
  }
  return { exposed, bindings };
}

/** Volumes and binds as Mounts; a volume without a name becomes a new anonymous volume (Config.Volumes). */
export function mountConfig(volumes: MountSpec[]): {
  mounts: Dockerode.MountSettings[];
  anonymous: Record<string, object>;
} {
  const mounts: Dockerode.MountSettings[] = [];
  const anonymous: Record<string, object> = {};
  for (const m of volumes) {
    if (m.type === 'volume' && m.source === '') {
      anonymous[m.target] = {};
      continue;
    }
    mounts.push({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: m.readOnly });
  }
  return { mounts, anonymous };
}

export function healthConfig(h: HealthcheckSpec): Dockerode.HealthConfig {
  const ns = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * NS_PER_SECOND));
  const out: Dockerode.HealthConfig = { Test: h.test };
  const interval = ns(h.interval);
  const timeout = ns(h.timeout);
  const startPeriod = ns(h.startPeriod);
  if (interval !== undefined) out.Interval = interval;
  if (timeout !== undefined) out.Timeout = timeout;
  if (startPeriod !== undefined) out.StartPeriod = startPeriod;
  if (h.retries !== undefined) out.Retries = h.retries;
  return out;
}

export function restartConfig(
  policy: NonNullable<ContainerSpec['restartPolicy']>,
): Dockerode.HostRestartPolicy {
  return policy.name === 'on-failure'
    ? { Name: policy.name, MaximumRetryCount: policy.maximumRetryCount ?? 0 }
    : { Name: policy.name === 'no' ? '' : policy.name };
}

/** Docker accepts capabilities with or without the CAP_ prefix; the CLI sends them upper-case. */
const caps = (list: string[]) => list.map((c) => c.toUpperCase());

export function toCreateOptions(spec: ContainerSpec): Dockerode.ContainerCreateOptions {
  const { exposed, bindings } = portConfig(spec.ports);
  const { mounts, anonymous } = mountConfig(spec.volumes);
  const env = envList(effectiveEnv(spec));
  const host: Dockerode.HostConfig = {
    PortBindings: bindings,
    Mounts: mounts,
    ...(spec.network ? { NetworkMode: spec.network } : {}),
    ...(spec.restartPolicy ? { RestartPolicy: restartConfig(spec.restartPolicy) } : {}),
    ...(spec.cpus !== undefined ? { NanoCpus: Math.round(spec.cpus * NS_PER_SECOND) } : {}),
    ...(spec.memory !== undefined ? { Memory: spec.memory } : {}),
    ...(spec.pidsLimit !== undefined ? { PidsLimit: spec.pidsLimit } : {}),
    ...(spec.capAdd.length ? { CapAdd: caps(spec.capAdd) } : {}),
    ...(spec.capDrop.length ? { CapDrop: caps(spec.capDrop) } : {}),
    ...(spec.readOnlyRootfs ? { ReadonlyRootfs: true } : {}),
    ...(spec.privileged ? { Privileged: true } : {}),
    ...(spec.autoRemove ? { AutoRemove: true } : {}),
  };
  return {
    ...(spec.name ? { name: spec.name } : {}),
    Image: spec.image,
    ...(spec.command ? { Cmd: spec.command } : {}),
    ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
    ...(env.length ? { Env: env } : {}),
    ExposedPorts: exposed,
    ...(Object.keys(anonymous).length ? { Volumes: anonymous } : {}),
    Labels: spec.labels,
    ...(spec.user ? { User: spec.user } : {}),
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.healthcheck ? { Healthcheck: healthConfig(spec.healthcheck) } : {}),
    ...(spec.tty ? { Tty: true, OpenStdin: true } : {}),
    ...(spec.hostname ? { Hostname: spec.hostname } : {}),
    HostConfig: host,
  };
}

/** The names of the settings a change set touches, in a stable order (what recreate reports back). */
export const changedFields = (changes: ContainerChanges): string[] =>
  (['image', 'command', 'env', 'ports', 'volumes', 'restartPolicy', 'cpus', 'memory', 'pidsLimit', 'noNewPrivileges', 'readOnlyRootfs', 'dropAddedCapabilities'] as const).filter(
    (k) => changes[k] !== undefined,
  );
