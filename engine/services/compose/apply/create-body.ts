import type Dockerode from 'dockerode';
import type { ComposeProject, ServiceConfig } from '../model';
import { ComposeIssue } from '../problems';
import { LABEL } from '../labels';
import { hostConfigOf } from './host-config';
import { serviceMounts } from './mounts';
import { commandArgs, durationNs, durationSeconds, text } from './units';

/** A network the container joins; the first goes into the create call (API 1.41 takes one), the rest are connected before start. */
export interface NetworkAttachment {
  /** The engine's network name. */
  name: string;
  aliases: string[];
  ipv4?: string;
  ipv6?: string;
}

export interface CreateSpec {
  name: string;
  body: Dockerode.ContainerCreateOptions;
  networks: NetworkAttachment[];
}

export interface CreateInput {
  project: ComposeProject;
  service: string;
  /** The container number (1, 2, ...). */
  number: number;
  containerName: string;
  /** Project-level labels (labels.ts projectLabels). */
  projectLabels: Record<string, string>;
  configHash: string;
  /** The image reference to run (the service's image, or the name a build produced). */
  image: string;
  /** For network_mode `service:x`: the ID of x's first container. */
  serviceContainer?: (service: string) => string | undefined;
  /** A one-off `run`: its command, and no published ports unless asked (as compose does). */
  oneOff?: { command?: string[]; servicePorts?: boolean; tty?: boolean; interactive?: boolean; autoRemove?: boolean };
}

/** com.docker.compose.depends_on as compose v2 writes it: `name:condition:restart` joined by commas. */
export function dependsOnLabel(svc: ServiceConfig): string {
  return Object.entries(svc.depends_on ?? {})
    .map(([name, d]) => `${name}:${d.condition}:${d.restart === true}`)
    .join(',');
}

function ports(svc: ServiceConfig, publish: boolean): { exposed: Record<string, object>; bindings: Dockerode.PortMap } {
  const exposed: Record<string, object> = {};
  const bindings: Dockerode.PortMap = {};
  for (const e of svc.expose ?? []) {
    const [port = '', proto = 'tcp'] = e.split('/');
    exposed[`${port}/${proto}`] = {};
  }
  for (const p of svc.ports ?? []) {
    const key = `${p.target}/${p.protocol}`;
    exposed[key] = {};
    if (!publish) continue;
    (bindings[key] ??= []).push({ HostIp: p.host_ip ?? '', HostPort: p.published ?? '' });
  }
  return { exposed, bindings };
}

function healthcheck(svc: ServiceConfig): Dockerode.HealthConfig | undefined {
  const hc = svc.healthcheck;
  if (hc === undefined) return undefined;
  if (hc.disable) return { Test: ['NONE'] };
  return {
    ...(hc.test ? { Test: hc.test } : {}),
    ...(hc.interval ? { Interval: durationNs(hc.interval) } : {}),
    ...(hc.timeout ? { Timeout: durationNs(hc.timeout) } : {}),
    ...(hc.start_period ? { StartPeriod: durationNs(hc.start_period) } : {}),
    ...(hc.retries !== undefined ? { Retries: hc.retries } : {}),
  };
}

/** The service's networks in compose's order (priority, then name) with the service name as an alias. */
export function networkAttachments(project: ComposeProject, service: string, svc: ServiceConfig): NetworkAttachment[] {
  if (svc.network_mode !== undefined) return [];
  const entries = Object.entries(svc.networks ?? {}).sort(([a, ca], [b, cb]) => {
    const pa = Number(ca?.priority ?? 0);
    const pb = Number(cb?.priority ?? 0);
    return pb - pa || (a < b ? -1 : a > b ? 1 : 0);
  });
  return entries.map(([key, cfg]) => {
    const net = project.networks[key];
    if (net === undefined) throw new ComposeIssue(`service "${service}" uses network "${key}", which is not defined`);
    return {
      name: net.name,
      aliases: [service, ...(cfg?.aliases ?? [])],
      ...(cfg?.ipv4_address ? { ipv4: cfg.ipv4_address } : {}),
      ...(cfg?.ipv6_address ? { ipv6: cfg.ipv6_address } : {}),
    };
  });
}

function networkMode(input: CreateInput, svc: ServiceConfig, first: NetworkAttachment | undefined): string | undefined {
  const mode = svc.network_mode;
  if (mode === undefined) return first?.name;
  if (mode.startsWith('service:')) {
    const target = mode.slice('service:'.length);
    const id = input.serviceContainer?.(target);
    if (!id) throw new ComposeIssue(`service "${input.service}" shares the network of "${target}", which has no container yet`);
    return `container:${id}`;
  }
  return mode;
}

const endpoint = (n: NetworkAttachment): Dockerode.EndpointSettings => ({
  Aliases: n.aliases,
  ...(n.ipv4 || n.ipv6 ? { IPAMConfig: { ...(n.ipv4 ? { IPv4Address: n.ipv4 } : {}), ...(n.ipv6 ? { IPv6Address: n.ipv6 } : {}) } } : {}),
});

/** A service of the model → the Engine API's create body, with compose's labels. */
export function createSpec(input: CreateInput): CreateSpec {
  const { project, service } = input;
  const svc = project.services[service];
  if (svc === undefined) throw new ComposeIssue(`no such service: "${service}"`);
  const oneOff = input.oneOff;
  const { exposed, bindings } = ports(svc, oneOff === undefined || oneOff.servicePorts === true);
  const mounts = serviceMounts(svc, project);
  const networks = networkAttachments(project, service, svc);
  const [first] = networks;
  const env = Object.entries(svc.environment ?? {}).flatMap(([k, v]) => (v === null ? [] : [`${k}=${v}`]));
  const deps = dependsOnLabel(svc);
  const labels: Record<string, string> = {
    ...svc.labels,
    ...input.projectLabels,
    [LABEL.service]: service,
    [LABEL.number]: String(input.number),
    [LABEL.oneoff]: oneOff ? 'True' : 'False',
    [LABEL.configHash]: input.configHash,
    ...(deps ? { [LABEL.dependsOn]: deps } : {}),
  };
  const hostConfig: Dockerode.HostConfig = {
    ...hostConfigOf(svc),
    ...(mounts.binds.length ? { Binds: mounts.binds } : {}),
    ...(mounts.mounts.length ? { Mounts: mounts.mounts } : {}),
    ...(Object.keys(mounts.tmpfs).length ? { Tmpfs: mounts.tmpfs } : {}),
    ...(Object.keys(bindings).length ? { PortBindings: bindings } : {}),
    ...(oneOff?.autoRemove ? { AutoRemove: true } : {}),
  };
  const mode = networkMode(input, svc, first);
  if (mode !== undefined) hostConfig.NetworkMode = mode;
  const links = [...((svc.links as string[] | undefined) ?? []), ...((svc.external_links as string[] | undefined) ?? [])];
  if (links.length > 0) hostConfig.Links = links.map((l) => (l.includes(':') ? l : `${l}:${l}`));
  const cmd = oneOff?.command ?? commandArgs(svc.command);
  const entrypoint = commandArgs(svc.entrypoint);
  const str = (v: unknown) => (v === undefined || v === null ? undefined : text(v));
  const body: Dockerode.ContainerCreateOptions = {
    name: input.containerName,
    Image: input.image,
    Labels: labels,
    Env: env,
    ...(cmd !== undefined ? { Cmd: cmd } : {}),
    ...(entrypoint !== undefined ? { Entrypoint: entrypoint } : {}),
    ...(svc.network_mode === undefined || !svc.network_mode.startsWith('container:') ? hostIdentity(svc) : {}),
    ...(str(svc.user) !== undefined ? { User: str(svc.user) } : {}),
    ...(str(svc.working_dir) !== undefined ? { WorkingDir: str(svc.working_dir) } : {}),
    ...(str(svc.stop_signal) !== undefined ? { StopSignal: str(svc.stop_signal) } : {}),
    ...(svc.stop_grace_period !== undefined ? { StopTimeout: durationSeconds(svc.stop_grace_period) } : {}),
    ...(str(svc.mac_address) !== undefined ? { MacAddress: str(svc.mac_address) } : {}),
    Tty: oneOff?.tty ?? svc.tty === true,
    OpenStdin: oneOff?.interactive ?? svc.stdin_open === true,
    AttachStdin: oneOff?.interactive === true,
    // An attached one-off's stdin closes when the client's does, so `echo x | compose run svc cat` ends.
    ...(oneOff?.interactive === true ? { StdinOnce: true } : {}),
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    ...(Object.keys(mounts.anonymous).length ? { Volumes: mounts.anonymous } : {}),
    ...(healthcheck(svc) ? { Healthcheck: healthcheck(svc) } : {}),
    HostConfig: hostConfig,
    ...(first && svc.network_mode === undefined ? { NetworkingConfig: { EndpointsConfig: { [first.name]: endpoint(first) } } } : {}),
  };
  if (typeof svc.platform === 'string') body.platform = svc.platform;
  return { name: input.containerName, body, networks };
}

export { endpoint as endpointSettings };

function hostIdentity(svc: ServiceConfig): Partial<Dockerode.ContainerCreateOptions> {
  return {
    ...(typeof svc.hostname === 'string' ? { Hostname: svc.hostname } : {}),
    ...(typeof svc.domainname === 'string' ? { Domainname: svc.domainname } : {}),
  };
}
