import type Dockerode from 'dockerode';
import type {
  ContainerDetails,
  ContainerMount,
  ContainerNetwork,
  ContainerState,
  HealthStatus,
  PortMapping,
} from '../../../contract';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const HEALTH: readonly HealthStatus[] = ['starting', 'healthy', 'unhealthy'];
const MOUNT_TYPES: readonly ContainerMount['type'][] = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'];
const PROTOCOLS: readonly PortMapping['protocol'][] = ['tcp', 'udp', 'sctp'];

/** The engine reports "never" as Go's zero time. */
const time = (t: string | undefined): string | undefined =>
  t && !t.startsWith('0001-01-01') ? t : undefined;

const asArray = (v: string | string[] | null | undefined): string[] =>
  v == null ? [] : Array.isArray(v) ? v : [v];

/** GET /containers/{id}/json → what the details page shows (plus the raw answer). */
export function toContainerDetails(info: Dockerode.ContainerInspectInfo): ContainerDetails {
  const s = info.State;
  const config = info.Config;
  const host = info.HostConfig;
  const state = (STATES as readonly string[]).includes(s.Status) ? (s.Status as ContainerState) : 'dead';
  const healthStatus = s.Health?.Status ?? '';
  const lastCheck = s.Health?.Log?.at(-1);
  const startedAt = time(s.StartedAt);
  const finishedAt = time(s.FinishedAt);
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: config.Image,
    imageId: info.Image,
    state,
    statusText: statusText(state, s.ExitCode, s.OOMKilled),
    health: (HEALTH as readonly string[]).includes(healthStatus) ? (healthStatus as HealthStatus) : 'none',
    ...(lastCheck?.Output ? { healthLog: lastCheck.Output.trim() } : {}),
    exitCode: s.ExitCode,
    ...(s.Error ? { error: s.Error } : {}),
    oomKilled: s.OOMKilled,
    pid: s.Pid,
    created: info.Created,
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    entrypoint: asArray(config.Entrypoint),
    command: asArray(config.Cmd),
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    hostname: config.Hostname ?? '',
    tty: config.Tty,
    openStdin: config.OpenStdin,
    restartPolicy: {
      name: host.RestartPolicy?.Name || 'no',
      maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    restartCount: info.RestartCount,
    privileged: host.Privileged ?? false,
    readOnlyRootfs: host.ReadonlyRootfs ?? false,
    resources: {
      cpus: (host.NanoCpus ?? 0) / 1e9,
      cpuShares: host.CpuShares ?? 0,
      memory: host.Memory ?? 0,
      memoryReservation: host.MemoryReservation ?? 0,
      pidsLimit: host.PidsLimit ?? 0,
    },
    env: (config.Env ?? []).map(splitEnv),
    mounts: (info.Mounts ?? []).map(toMount),
    ports: toPorts(info.NetworkSettings.Ports ?? {}, config.ExposedPorts ?? {}),
    networkMode: host.NetworkMode ?? 'default',
    networks: Object.entries(info.NetworkSettings.Networks ?? {}).map(([name, n]) => toNetwork(name, n)),
    labels: config.Labels ?? {},
    raw: info,
  };
}

function statusText(state: ContainerState, exitCode: number, oom: boolean): string {
  if (state === 'exited' || state === 'dead') return `${state === 'dead' ? 'Dead' : 'Exited'} (${exitCode})${oom ? ', out of memory' : ''}`;
  return state.charAt(0).toUpperCase() + state.slice(1);
}

function splitEnv(pair: string): { key: string; value: string } {
  const eq = pair.indexOf('=');
  return eq < 0 ? { key: pair, value: '' } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
}

function toMount(m: Dockerode.ContainerInspectInfo['Mounts'][number]): ContainerMount {
  const type = (MOUNT_TYPES as readonly string[]).includes(m.Type) ? m.Type : 'bind';
  return {
    type,
    source: type === 'volume' ? (m.Name ?? m.Source) : m.Source,
    destination: m.Destination,
    readOnly: !m.RW,
    ...(m.Driver ? { driver: m.Driver } : {}),
    ...(m.Mode ? { mode: m.Mode } : {}),
  };
}

type PortTable = Dockerode.ContainerInspectInfo['NetworkSettings']['Ports'];

/** Published bindings, plus exposed ports that are not published (as the list does). */
function toPorts(bound: PortTable, exposed: Record<string, unknown>): PortMapping[] {
  const out: PortMapping[] = [];
  const seen = new Set<string>();
  const keys = [...new Set([...Object.keys(bound), ...Object.keys(exposed)])];
  for (const key of keys) {
    const [portText, proto = 'tcp'] = key.split('/');
    const privatePort = Number(portText);
    if (!Number.isInteger(privatePort)) continue;
    const protocol = (PROTOCOLS as readonly string[]).includes(proto) ? (proto as PortMapping['protocol']) : 'tcp';
    // The engine sets a port's bindings to null when it is exposed but not published.
    const bindings = (bound[key] as PortTable[string] | null | undefined) ?? [];
    if (bindings.length === 0) {
      out.push({ privatePort, protocol });
      continue;
    }
    for (const b of bindings) {
      const id = `${b.HostIp}|${b.HostPort}|${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const publicPort = Number(b.HostPort);
      out.push({
        ...(b.HostIp ? { ip: b.HostIp } : {}),
        privatePort,
        ...(Number.isInteger(publicPort) && publicPort > 0 ? { publicPort } : {}),
        protocol,
      });
    }
  }
  return out.sort((a, b) => a.privatePort - b.privatePort || (a.ip ?? '').localeCompare(b.ip ?? ''));
}

type EndpointInfo = Dockerode.ContainerInspectInfo['NetworkSettings']['Networks'][string];

function toNetwork(name: string, n: EndpointInfo): ContainerNetwork {
  const aliases: unknown = n.Aliases;
  return {
    name,
    ...(n.IPAddress ? { ipAddress: `${n.IPAddress}${n.IPPrefixLen ? `/${n.IPPrefixLen}` : ''}` } : {}),
    ...(n.GlobalIPv6Address ? { ipv6Address: n.GlobalIPv6Address } : {}),
    ...(n.Gateway ? { gateway: n.Gateway } : {}),
    ...(n.MacAddress ? { macAddress: n.MacAddress } : {}),
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
  };
}
