import { stringify } from 'yaml';
import {
  shellQuote,
  type ContainerSpec,
  type HealthcheckSpec,
  type MountSpec,
  type PortSpec,
} from '../../contract';
import { COMPOSE_SERVICE_LABEL } from '../common/container-summary';
import { composeNetworks, runNetworkParts, type NetworkAttachment } from './network-attachments';

// A spec (see spec-from-inspect.ts: only non-default settings) rendered as the `docker run` command and as the
// compose service that make the same container. Compose's own bookkeeping labels are left out: a copy is a
// new container, not a member of the project it came from.

const ownLabels = (labels: Record<string, string>) =>
  Object.entries(labels).filter(([k]) => !k.startsWith('com.docker.compose.'));

/** "127.0.0.1:8080:80/udp" in docker's and compose's short syntax; tcp is the default and left out. */
export function portText(p: PortSpec): string {
  const container = p.protocol === 'tcp' ? String(p.containerPort) : `${p.containerPort}/${p.protocol}`;
  if (p.hostIp) return `${p.hostIp}:${p.hostPort ?? ''}:${container}`;
  return p.hostPort === undefined ? container : `${p.hostPort}:${container}`;
}

function volumeText(m: MountSpec): string {
  const base = m.source === '' ? m.target : `${m.source}:${m.target}`;
  return m.readOnly ? `${base}:ro` : base;
}

/** Bytes → docker's shortest exact unit ("512m", "1g"), or plain bytes. */
export function byteText(bytes: number): string {
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

const duration = (seconds: number) => `${Number(seconds.toFixed(3))}s`;

function healthCommand(h: HealthcheckSpec): string | undefined {
  const [kind, ...rest] = h.test;
  if (kind === 'CMD-SHELL') return rest.join(' ');
  if (kind === 'CMD') return rest.map(shellQuote).join(' ');
  return undefined;
}

function restartText(policy: NonNullable<ContainerSpec['restartPolicy']>): string {
  return policy.name === 'on-failure' && policy.maximumRetryCount
    ? `on-failure:${policy.maximumRetryCount}`
    : policy.name;
}

/**
 * `docker run -d ...` as one command, one option per line; the container's other networks (with their aliases)
 * follow as `docker network connect` commands.
 */
export function renderRunCommand(spec: ContainerSpec, networks: NetworkAttachment[] = []): string {
  const net = runNetworkParts(spec.network, networks);
  const opts: string[][] = [];
  const add = (...words: string[]) => opts.push(words);
  if (spec.name) add('--name', spec.name);
  if (spec.hostname) add('--hostname', spec.hostname);
  if (spec.user) add('--user', spec.user);
  if (spec.workingDir) add('--workdir', spec.workingDir);
  for (const [k, v] of Object.entries(spec.env)) add('-e', `${k}=${v}`);
  for (const p of spec.ports) add('-p', portText(p));
  for (const m of spec.volumes) {
    if (m.type === 'tmpfs') add('--tmpfs', m.target);
    else add('-v', volumeText(m));
  }
  if (spec.network) add('--network', spec.network);
  for (const words of net.aliasOptions) add(...words);
  if (spec.restartPolicy) add('--restart', restartText(spec.restartPolicy));
  if (spec.cpus !== undefined) add('--cpus', String(spec.cpus));
  if (spec.memory !== undefined) add('--memory', byteText(spec.memory));
  if (spec.pidsLimit !== undefined) add('--pids-limit', String(spec.pidsLimit));
  for (const c of spec.capAdd) add('--cap-add', c);
  for (const c of spec.capDrop) add('--cap-drop', c);
  if (spec.readOnlyRootfs) add('--read-only');
  if (spec.privileged) add('--privileged');
  if (spec.autoRemove) add('--rm');
  if (spec.tty) add('-it');
  const h = spec.healthcheck;
  if (h?.test[0] === 'NONE') add('--no-healthcheck');
  else if (h) {
    const cmd = healthCommand(h);
    if (cmd) add('--health-cmd', cmd);
    if (h.interval !== undefined) add('--health-interval', duration(h.interval));
    if (h.timeout !== undefined) add('--health-timeout', duration(h.timeout));
    if (h.startPeriod !== undefined) add('--health-start-period', duration(h.startPeriod));
    if (h.retries !== undefined) add('--health-retries', String(h.retries));
  }
  for (const [k, v] of ownLabels(spec.labels)) add('--label', `${k}=${v}`);
  // --entrypoint takes one word; the rest of a longer entrypoint runs the same way as leading arguments.
  const [entry, ...entryRest] = spec.entrypoint ?? [];
  if (spec.entrypoint) add('--entrypoint', entry ?? '');
  const args = [...entryRest, ...(spec.command ?? [])];
  const lines = [['docker', 'run', '-d'], ...opts, [spec.image, ...args]];
  const run = lines.map((words) => words.map(shellQuote).join(' ')).join(' \\\n  ');
  const connects = spec.name ? net.connects(spec.name) : [];
  return [run, ...connects.map((words) => words.map(shellQuote).join(' '))].join(' \\\n&& ');
}

/** A paste-able compose file with one service that makes the same container, on all of its networks. */
export function renderComposeService(spec: ContainerSpec, networks: NetworkAttachment[] = []): string {
  const serviceName = spec.labels[COMPOSE_SERVICE_LABEL] ?? spec.name ?? 'app';
  const nets = composeNetworks(spec.network, networks, serviceName);
  const labels = Object.fromEntries(ownLabels(spec.labels));
  const h = spec.healthcheck;
  const special = spec.network && /^(host|none|container:.+)$/.test(spec.network);
  const service: Record<string, unknown> = {
    image: spec.image,
    ...(spec.name ? { container_name: spec.name } : {}),
    ...(spec.hostname ? { hostname: spec.hostname } : {}),
    ...(spec.entrypoint ? { entrypoint: spec.entrypoint } : {}),
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.user ? { user: spec.user } : {}),
    ...(spec.workingDir ? { working_dir: spec.workingDir } : {}),
    ...(Object.keys(spec.env).length ? { environment: spec.env } : {}),
    ...(spec.ports.length ? { ports: spec.ports.map(portText) } : {}),
    ...(spec.volumes.length
      ? {
          volumes: spec.volumes.map((m) =>
            m.type === 'tmpfs' ? { type: 'tmpfs', target: m.target } : volumeText(m),
          ),
        }
      : {}),
    ...(special ? { network_mode: spec.network } : nets ? { networks: nets.service } : {}),
    ...(spec.restartPolicy ? { restart: restartText(spec.restartPolicy) } : {}),
    ...(spec.cpus !== undefined ? { cpus: spec.cpus } : {}),
    ...(spec.memory !== undefined ? { mem_limit: byteText(spec.memory) } : {}),
    ...(spec.pidsLimit !== undefined ? { pids_limit: spec.pidsLimit } : {}),
    ...(spec.capAdd.length ? { cap_add: spec.capAdd } : {}),
    ...(spec.capDrop.length ? { cap_drop: spec.capDrop } : {}),
    ...(spec.readOnlyRootfs ? { read_only: true } : {}),
    ...(spec.privileged ? { privileged: true } : {}),
    ...(spec.tty ? { tty: true, stdin_open: true } : {}),
    ...(h
      ? {
          healthcheck:
            h.test[0] === 'NONE'
              ? { disable: true }
              : {
                  test: h.test,
                  ...(h.interval !== undefined ? { interval: duration(h.interval) } : {}),
                  ...(h.timeout !== undefined ? { timeout: duration(h.timeout) } : {}),
                  ...(h.startPeriod !== undefined ? { start_period: duration(h.startPeriod) } : {}),
                  ...(h.retries !== undefined ? { retries: h.retries } : {}),
                },
        }
      : {}),
    ...(Object.keys(labels).length ? { labels } : {}),
  };
  const namedVolumes = spec.volumes
    .filter((m) => m.type === 'volume' && m.source !== '')
    .map((m) => m.source);
  const doc: Record<string, unknown> = { services: { [serviceName]: service } };
  // Volumes and networks that already exist on the engine: compose must use them, not make new ones.
  if (namedVolumes.length) doc.volumes = Object.fromEntries(namedVolumes.map((v) => [v, { external: true }]));
  if (nets && !special) doc.networks = Object.fromEntries(nets.external.map((n) => [n, { external: true }]));
  return stringify(doc, { lineWidth: 0 });
}
