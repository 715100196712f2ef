import type Dockerode from 'dockerode';
import type { ServiceConfig } from '../model';
import { ComposeIssue } from '../problems';
import { parseBytes, text } from './units';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(text) : v === undefined || v === null ? undefined : [text(v)]);

/** restart: no | always | on-failure[:max] | unless-stopped → the engine's RestartPolicy. */
export function restartPolicy(value: unknown): Dockerode.HostRestartPolicy | undefined {
  if (value === undefined || value === null) return undefined;
  const [name = '', max] = text(value).split(':');
  if (!['no', 'always', 'on-failure', 'unless-stopped'].includes(name)) {
    throw new ComposeIssue(`restart "${text(value)}" is not one of no, always, on-failure[:N], unless-stopped`);
  }
  return { Name: name === 'no' ? '' : name, ...(max !== undefined ? { MaximumRetryCount: Number(max) } : {}) };
}

/** ulimits: { nofile: 1024 } or { nofile: { soft, hard } } → [{ Name, Soft, Hard }]. */
function ulimits(value: unknown): { Name: string; Soft: number; Hard: number }[] | undefined {
  if (!isMapping(value)) return undefined;
  return Object.entries(value).map(([name, v]) =>
    isMapping(v) ? { Name: name, Soft: Number(v.soft), Hard: Number(v.hard) } : { Name: name, Soft: Number(v), Hard: Number(v) },
  );
}

/** CPU and memory limits from the service keys and from deploy.resources (compose honours both; deploy wins). */
function resources(svc: ServiceConfig): Partial<Dockerode.HostConfig> {
  const out: Partial<Dockerode.HostConfig> & Mapping = {};
  const deploy = isMapping(svc.deploy) ? svc.deploy : {};
  const res = isMapping(deploy.resources) ? deploy.resources : {};
  const limits = isMapping(res.limits) ? res.limits : {};
  const reservations = isMapping(res.reservations) ? res.reservations : {};
  const memory = limits.memory ?? svc.mem_limit;
  if (memory !== undefined) out.Memory = parseBytes(memory, 'memory limit');
  const reservation = reservations.memory ?? svc.mem_reservation;
  if (reservation !== undefined) out.MemoryReservation = parseBytes(reservation, 'memory reservation');
  if (svc.memswap_limit !== undefined) out.MemorySwap = svc.memswap_limit === -1 ? -1 : parseBytes(svc.memswap_limit, 'memswap_limit');
  const cpus = limits.cpus ?? svc.cpus;
  if (cpus !== undefined) out.NanoCpus = Math.round(Number(cpus) * 1e9);
  const pids = limits.pids ?? svc.pids_limit;
  if (pids !== undefined) out.PidsLimit = Number(pids);
  if (svc.cpu_shares !== undefined) out.CpuShares = Number(svc.cpu_shares);
  if (svc.cpu_quota !== undefined) out.CpuQuota = Number(svc.cpu_quota);
  if (svc.cpu_period !== undefined) out.CpuPeriod = Number(svc.cpu_period);
  if (svc.cpuset !== undefined) out.CpusetCpus = text(svc.cpuset);
  if (svc.shm_size !== undefined) out.ShmSize = parseBytes(svc.shm_size, 'shm_size');
  if (svc.oom_kill_disable !== undefined) out.OomKillDisable = svc.oom_kill_disable === true;
  if (svc.oom_score_adj !== undefined) out.OomScoreAdj = Number(svc.oom_score_adj);
  return out;
}

function devices(value: unknown): Dockerode.DeviceMapping[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((d) => {
    if (isMapping(d)) {
      return { PathOnHost: text(d.source), PathInContainer: text(d.target ?? d.source), CgroupPermissions: text(d.permissions ?? 'rwm') };
    }
    const [host = '', container = host, perms = 'rwm'] = text(d).split(':');
    return { PathOnHost: host, PathInContainer: container, CgroupPermissions: perms };
  });
}

/** Everything of HostConfig that comes straight from service keys (mounts, ports and networks are added by the caller). */
export function hostConfigOf(svc: ServiceConfig): Dockerode.HostConfig {
  const hc: Dockerode.HostConfig & Mapping = { ...resources(svc) };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) hc[key] = value;
  };
  set('RestartPolicy', restartPolicy(svc.restart));
  set('Init', svc.init === undefined ? undefined : svc.init === true);
  set('Privileged', svc.privileged === undefined ? undefined : svc.privileged === true);
  set('ReadonlyRootfs', svc.read_only === undefined ? undefined : svc.read_only === true);
  set('CapAdd', strings(svc.cap_add));
  set('CapDrop', strings(svc.cap_drop));
  set('Dns', strings(svc.dns));
  set('DnsSearch', strings(svc.dns_search));
  set('DnsOptions', strings(svc.dns_opt));
  set('SecurityOpt', strings(svc.security_opt));
  set('GroupAdd', strings(svc.group_add));
  set('VolumesFrom', strings(svc.volumes_from));
  set('Devices', devices(svc.devices));
  set('DeviceCgroupRules', strings(svc.device_cgroup_rules));
  set('Ulimits', ulimits(svc.ulimits));
  set('IpcMode', svc.ipc === undefined ? undefined : text(svc.ipc));
  set('PidMode', svc.pid === undefined ? undefined : text(svc.pid));
  set('UsernsMode', svc.userns_mode === undefined ? undefined : text(svc.userns_mode));
  set('CgroupParent', svc.cgroup_parent === undefined ? undefined : text(svc.cgroup_parent));
  set('Isolation', svc.isolation === undefined ? undefined : text(svc.isolation));
  set('Runtime', svc.runtime === undefined ? undefined : text(svc.runtime));
  if (svc.extra_hosts) hc.ExtraHosts = Object.entries(svc.extra_hosts).flatMap(([host, ips]) => ips.map((ip) => `${host}:${ip}`));
  if (isMapping(svc.sysctls) && Object.keys(svc.sysctls).length > 0) {
    hc.Sysctls = Object.fromEntries(Object.entries(svc.sysctls).map(([k, v]) => [k, text(v)]));
  }
  if (isMapping(svc.logging)) {
    const options = isMapping(svc.logging.options) ? svc.logging.options : {};
    hc.LogConfig = {
      Type: typeof svc.logging.driver === 'string' ? svc.logging.driver : 'json-file',
      Config: Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])),
    };
  }
  return hc;
}
