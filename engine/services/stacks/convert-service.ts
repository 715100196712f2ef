import type { ComposeProject, ServiceConfig } from '../compose';
import { commandArgs, durationNs } from '../compose';
import type { EngineContainerSpec, EngineServiceSpec } from '../common/swarm-engine-types';
import { STACK_LABEL } from '../common/swarm-api';
import { deployOf, endpointSpec, modeOf, placementOf, resourcesOf, restartPolicyOf, updateConfigOf } from './convert-deploy';
import { mountsOf } from './convert-mounts';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(str) : v === undefined || v === null ? undefined : [str(v)]);
/** Drops undefined values so the spec sent (and compared on redeploy) has only what the file says. */
export function compact<T extends Mapping>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What a service spec needs from the rest of the stack. */
export interface ServiceContext {
  stack: string;
  project: ComposeProject;
  /** Warnings go here (one sentence each), e.g. a mapped `restart:`. */
  warn: (message: string) => void;
}

/** compose `environment` → `KEY=value` (a variable that stayed unset is left out, as the CLI does). */
function envList(env: ServiceConfig['environment']): string[] | undefined {
  if (!env) return undefined;
  const out = Object.entries(env).flatMap(([k, v]) => (v === null ? [] : [`${k}=${v}`]));
  return out.length ? out.sort() : undefined;
}

function healthcheckOf(svc: ServiceConfig): EngineContainerSpec['HealthCheck'] | undefined {
  const hc = svc.healthcheck;
  if (!hc) return undefined;
  if (hc.disable) return { Test: ['NONE'] };
  return compact({
    Test: hc.test,
    Interval: hc.interval !== undefined ? durationNs(hc.interval) : undefined,
    Timeout: hc.timeout !== undefined ? durationNs(hc.timeout) : undefined,
    StartPeriod: hc.start_period !== undefined ? durationNs(hc.start_period) : undefined,
    Retries: hc.retries,
  });
}

/** `extra_hosts` → swarm's hosts file lines "IP host". */
function hostsOf(svc: ServiceConfig): string[] | undefined {
  if (!svc.extra_hosts) return undefined;
  const lines = Object.entries(svc.extra_hosts).flatMap(([host, ips]) => ips.map((ip) => `${ip} ${host}`));
  return lines.length ? lines : undefined;
}

function dnsOf(svc: ServiceConfig): { Nameservers?: string[]; Search?: string[]; Options?: string[] } | undefined {
  const c = compact({ Nameservers: strings(svc.dns), Search: strings(svc.dns_search), Options: strings(svc.dns_opt) });
  return Object.keys(c).length ? c : undefined;
}

function ulimitsOf(svc: ServiceConfig): { Name: string; Soft: number; Hard: number }[] | undefined {
  if (!isMapping(svc.ulimits)) return undefined;
  return Object.entries(svc.ulimits).map(([name, v]) => {
    const soft = isMapping(v) ? Number(v.soft) : Number(v);
    const hard = isMapping(v) ? Number(v.hard) : Number(v);
    return { Name: name, Soft: soft, Hard: hard };
  });
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isMapping(v)) return undefined;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)]));
}

function fileRefs(kind: 'secrets' | 'configs', svc: ServiceConfig, ctx: ServiceContext): EngineContainerSpec['Secrets'] {
  const refs = svc[kind] ?? [];
  if (!refs.length) return undefined;
  const top = ctx.project[kind];
  return refs.map((r) => {
    const name = top[r.source]?.name ?? r.source;
    const target = r.target ?? (kind === 'secrets' ? r.source : `/${r.source}`);
    const mode = r.mode === undefined ? 0o444 : typeof r.mode === 'number' ? r.mode : parseInt(r.mode, 8);
    const file = { Name: target, UID: r.uid ?? '0', GID: r.gid ?? '0', Mode: mode };
    // The IDs are filled in at deploy time, once the objects exist.
    return kind === 'secrets' ? { File: file, SecretName: name } : { File: file, ConfigName: name };
  });
}

/** Service networks with the service's own name as an alias, as `docker stack deploy` gives them. */
function networksOf(name: string, svc: ServiceConfig, ctx: ServiceContext): NonNullable<EngineServiceSpec['TaskTemplate']>['Networks'] {
  const nets = svc.networks ?? {};
  return Object.keys(nets)
    .sort()
    .map((key) => {
      const cfg = nets[key];
      const aliases = [name, ...(cfg?.aliases ?? [])];
      if (cfg?.ipv4_address || cfg?.ipv6_address) ctx.warn(`services.${name}.networks.${key}: a fixed ipv4_address/ipv6_address is ignored by Swarm (tasks get addresses from the overlay's pool)`);
      return { Target: ctx.project.networks[key]?.name ?? key, Aliases: [...new Set(aliases)] };
    });
}

/** One compose service → the Engine API ServiceSpec `docker stack deploy` would send (image used as written). */
export function toServiceSpec(name: string, svc: ServiceConfig, ctx: ServiceContext): EngineServiceSpec {
  const ns = { [STACK_LABEL]: ctx.stack };
  const deploy = deployOf(svc);
  const image = svc.image ?? '';
  const container: EngineContainerSpec = compact({
    Image: image,
    Labels: { ...(svc.labels ?? {}), ...ns },
    Command: commandArgs(svc.entrypoint),
    Args: commandArgs(svc.command),
    Hostname: svc.hostname as string | undefined,
    Env: envList(svc.environment),
    Dir: svc.working_dir as string | undefined,
    User: svc.user as string | undefined,
    Groups: strings(svc.group_add),
    Mounts: mountsOf(name, svc, ctx),
    StopGracePeriod: svc.stop_grace_period !== undefined ? durationNs(svc.stop_grace_period) : undefined,
    StopSignal: svc.stop_signal as string | undefined,
    TTY: svc.tty as boolean | undefined,
    OpenStdin: svc.stdin_open as boolean | undefined,
    ReadOnly: svc.read_only as boolean | undefined,
    Init: svc.init as boolean | undefined,
    HealthCheck: healthcheckOf(svc),
    Hosts: hostsOf(svc),
    DNSConfig: dnsOf(svc),
    Secrets: fileRefs('secrets', svc, ctx),
    Configs: fileRefs('configs', svc, ctx),
    Isolation: svc.isolation as string | undefined,
    Sysctls: stringMap(svc.sysctls),
    Ulimits: ulimitsOf(svc),
    CapabilityAdd: strings(svc.cap_add),
    CapabilityDrop: strings(svc.cap_drop),
  });
  const logging = isMapping(svc.logging) ? svc.logging : undefined;
  return compact({
    Name: `${ctx.stack}_${name}`,
    Labels: { ...(stringMap(deploy.labels) ?? {}), ...ns, 'com.docker.stack.image': image },
    TaskTemplate: compact({
      ContainerSpec: container,
      Resources: resourcesOf(name, deploy),
      RestartPolicy: restartPolicyOf(name, svc, deploy, ctx.warn),
      Placement: placementOf(deploy),
      Networks: networksOf(name, svc, ctx),
      LogDriver: logging?.driver !== undefined ? compact({ Name: str(logging.driver), Options: stringMap(logging.options) }) : undefined,
    }),
    Mode: modeOf(svc, deploy),
    UpdateConfig: updateConfigOf(deploy.update_config),
    RollbackConfig: updateConfigOf(deploy.rollback_config),
    EndpointSpec: endpointSpec(name, svc, deploy, ctx.warn),
  });
}
