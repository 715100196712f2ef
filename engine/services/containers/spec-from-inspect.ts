import type Dockerode from 'dockerode';
import type { ContainerSpec, HealthcheckSpec, MountSpec, PortSpec } from '../../contract';

// An existing container (inspect) → the spec that makes it again, keeping only what differs from its image's
// defaults: what "Edit settings…" shows and what "Copy as docker run / compose" render.

export type ImageConfig = Partial<
  Pick<
    Dockerode.ImageInspectInfo['Config'],
    'Env' | 'Cmd' | 'Entrypoint' | 'User' | 'WorkingDir' | 'Labels' | 'Volumes' | 'ExposedPorts'
  >
> & {
  Healthcheck?: Dockerode.HealthConfig;
};

export interface SpecOptions {
  /**
   * 'edit' keeps anonymous volumes by name (so recreating keeps their data); 'command' renders them as a
   * plain target (a new anonymous volume), and drops the ones the image declares itself.
   */
  purpose: 'edit' | 'command';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const ANONYMOUS_VOLUME = /^[a-f0-9]{64}$/;
const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

function envMap(list: string[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of list ?? []) {
    const eq = entry.indexOf('=');
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

/** Entries of `mine` that the image does not already set to the same value. */
function ownEntries(mine: Record<string, string>, image: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mine).filter(([k, v]) => image[k] !== v));
}

function portsOf(host: Dockerode.HostConfig): PortSpec[] {
  const bindings = (host.PortBindings ?? {}) as Record<
    string,
    { HostIp?: string; HostPort?: string }[] | null
  >;
  const out: PortSpec[] = [];
  for (const [key, list] of Object.entries(bindings)) {
    const [port, proto] = key.split('/');
    const containerPort = Number(port);
    const protocol = PROTOCOLS.find((p) => p === proto) ?? 'tcp';
    if (!Number.isInteger(containerPort)) continue;
    for (const b of list ?? [{}]) {
      const hostPort = Number(b.HostPort);
      out.push({
        ...(b.HostIp ? { hostIp: b.HostIp } : {}),
        ...(b.HostPort && hostPort > 0 ? { hostPort } : {}),
        containerPort,
        protocol,
      });
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

function volumesOf(info: Dockerode.ContainerInspectInfo, image: ImageConfig, opts: SpecOptions): MountSpec[] {
  const out: MountSpec[] = [];
  for (const m of info.Mounts ?? []) {
    const readOnly = !m.RW;
    if (m.Type === 'bind') out.push({ type: 'bind', source: m.Source, target: m.Destination, readOnly });
    else if (m.Type === 'tmpfs') out.push({ type: 'tmpfs', source: '', target: m.Destination, readOnly });
    else if (m.Type === 'volume') {
      const anonymous = ANONYMOUS_VOLUME.test(m.Name ?? '');
      if (opts.purpose === 'command' && anonymous && image.Volumes && m.Destination in image.Volumes)
        continue;
      const source = opts.purpose === 'command' && anonymous ? '' : (m.Name ?? '');
      out.push({ type: 'volume', source, target: m.Destination, readOnly });
    }
  }
  for (const target of Object.keys(info.HostConfig.Tmpfs ?? {})) {
    if (!out.some((m) => m.target === target))
      out.push({ type: 'tmpfs', source: '', target, readOnly: false });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

function healthcheckOf(h: Dockerode.HealthConfig | undefined): HealthcheckSpec | undefined {
  if (!h?.Test?.length) return undefined;
  const s = (ns: number | undefined) => (ns ? ns / 1e9 : undefined);
  const interval = s(h.Interval);
  const timeout = s(h.Timeout);
  const startPeriod = s(h.StartPeriod);
  return {
    test: h.Test,
    ...(interval !== undefined ? { interval } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
    ...(startPeriod !== undefined ? { startPeriod } : {}),
    ...(h.Retries ? { retries: h.Retries } : {}),
  };
}

const asList = (v: string | string[] | null | undefined): string[] | undefined =>
  v === null || v === undefined ? undefined : Array.isArray(v) ? v : [v];

/** Names Docker gives a container by default: its short ID (hostname) and the default networks. */
const DEFAULT_NETWORKS = new Set(['default', 'bridge', '']);

export function specFromInspect(
  info: Dockerode.ContainerInspectInfo,
  image: ImageConfig,
  opts: SpecOptions = { purpose: 'edit' },
): ContainerSpec {
  const config = info.Config;
  const host = info.HostConfig;
  const entrypoint = asList(config.Entrypoint);
  const entrypointChanged = !same(entrypoint, asList(image.Entrypoint));
  // A new entrypoint drops the image's CMD, so the command must be kept whenever the entrypoint differs.
  const commandChanged = entrypointChanged ? (config.Cmd?.length ?? 0) > 0 : !same(config.Cmd, image.Cmd);
  const policy = host.RestartPolicy;
  const networkMode = host.NetworkMode ?? '';
  const hostname = config.Hostname;
  const defaultHostname = info.Id.slice(0, 12);
  const healthcheck = same(config.Healthcheck, image.Healthcheck)
    ? undefined
    : healthcheckOf(config.Healthcheck);
  const capAdd = (host.CapAdd as string[] | null | undefined) ?? [];
  const capDrop = (host.CapDrop as string[] | null | undefined) ?? [];

  return {
    name: info.Name.replace(/^\//, ''),
    image: config.Image,
    ...(commandChanged && config.Cmd ? { command: config.Cmd } : {}),
    ...(entrypointChanged && entrypoint ? { entrypoint } : {}),
    ports: portsOf(host),
    env: ownEntries(envMap(config.Env), envMap(image.Env)),
    volumes: volumesOf(info, image, opts),
    ...(!DEFAULT_NETWORKS.has(networkMode) ? { network: networkMode } : {}),
    ...(policy?.Name && policy.Name !== 'no'
      ? {
          restartPolicy: {
            name: policy.Name as 'always' | 'unless-stopped' | 'on-failure',
            ...(policy.Name === 'on-failure' && policy.MaximumRetryCount
              ? { maximumRetryCount: policy.MaximumRetryCount }
              : {}),
          },
        }
      : {}),
    ...(host.NanoCpus ? { cpus: host.NanoCpus / 1e9 } : {}),
    ...(host.Memory ? { memory: host.Memory } : {}),
    ...(host.PidsLimit && host.PidsLimit > 0 ? { pidsLimit: host.PidsLimit } : {}),
    ...(config.User && config.User !== (image.User ?? '') ? { user: config.User } : {}),
    ...(config.WorkingDir && config.WorkingDir !== (image.WorkingDir ?? '')
      ? { workingDir: config.WorkingDir }
      : {}),
    labels: ownEntries(config.Labels ?? {}, image.Labels ?? {}),
    capAdd,
    capDrop,
    readOnlyRootfs: host.ReadonlyRootfs ?? false,
    privileged: host.Privileged ?? false,
    autoRemove: host.AutoRemove ?? false,
    ...(healthcheck ? { healthcheck } : {}),
    tty: config.Tty,
    ...(hostname && hostname !== defaultHostname && networkMode !== 'host' ? { hostname } : {}),
  };
}
