import { isMapping, type Mapping } from './merge';

/**
 * Compose-spec fields the schema accepts but Berth does not act on, so that nothing is dropped silently: each
 * one present in a project becomes a warning (printed by `berth compose config`/`up`, shown in the editor's
 * problems list through compose.validate). The compose README lists the same fields; `sample` is a file that
 * uses the field, which the coverage test loads to prove the warning appears.
 *
 * Paths use `*` for any mapping key and `[]` for any list item.
 */
export interface CoverageRule {
  path: string;
  /** ignored: accepted, no effect. refused: accepted by `config`, but `up` stops with an error. */
  kind: 'ignored' | 'refused';
  why: string;
  sample: string;
}

const svc = (body: string) => `services:\n  app:\n    image: busybox\n${body}`;
const swarmOnly = 'it applies to swarm services only (berth compose runs containers without swarm)';

const BUILD_SAMPLES: Record<string, string> = {
  dockerfile_inline: '"FROM busybox"',
  ssh: '[default]',
  secrets: '[s]\nsecrets:\n  s: {file: ./s.txt}',
  cache_from: '[busybox]',
  cache_to: '["type=inline"]',
  additional_contexts: '{more: ./more}',
  platforms: '[linux/amd64]',
  tags: '[app:extra]',
  entitlements: '[network.host]',
  network: 'host',
  pull: 'true',
  no_cache: 'true',
  shm_size: '64m',
  extra_hosts: '["a:10.0.0.1"]',
  isolation: 'default',
  privileged: 'true',
  ulimits: '{nofile: 1024}',
};

export const COVERAGE_RULES: readonly CoverageRule[] = [
  { path: 'services.*.develop', kind: 'ignored', why: 'watch mode (compose watch) is not implemented', sample: svc('    develop:\n      watch: [{action: sync, path: ., target: /app}]\n') },
  { path: 'services.*.post_start', kind: 'ignored', why: 'lifecycle hooks are not run', sample: svc('    post_start: [{command: ["true"]}]\n') },
  { path: 'services.*.pre_stop', kind: 'ignored', why: 'lifecycle hooks are not run', sample: svc('    pre_stop: [{command: ["true"]}]\n') },
  { path: 'services.*.gpus', kind: 'ignored', why: 'GPU device requests are not passed to the engine', sample: svc('    gpus: all\n') },
  { path: 'services.*.models', kind: 'ignored', why: 'models (Docker Model Runner) are not available', sample: svc('    models: [llm]\nmodels:\n  llm: {model: ai/smollm2}\n') },
  { path: 'models', kind: 'ignored', why: 'models (Docker Model Runner) are not available', sample: 'services:\n  app: {image: busybox}\nmodels:\n  llm: {model: ai/smollm2}\n' },
  { path: 'services.*.provider', kind: 'ignored', why: 'provider services (run by an external tool) are not run', sample: 'services:\n  app:\n    provider: {type: awesomecloud}\n' },
  { path: 'services.*.use_api_socket', kind: 'ignored', why: 'the engine socket is not mounted into the container', sample: svc('    use_api_socket: true\n') },
  { path: 'services.*.label_file', kind: 'ignored', why: 'labels are not read from files; use labels:', sample: svc('    label_file: ./labels\n') },
  { path: 'services.*.attach', kind: 'ignored', why: "every service's logs are attached by `up`", sample: svc('    attach: false\n') },
  { path: 'services.*.annotations', kind: 'ignored', why: 'annotations need Engine API 1.43; they are not sent', sample: svc('    annotations: {a: b}\n') },
  { path: 'services.*.blkio_config', kind: 'ignored', why: 'block IO limits are not passed to the engine', sample: svc('    blkio_config: {weight: 300}\n') },
  { path: 'services.*.cgroup', kind: 'ignored', why: 'the cgroup namespace mode is not passed to the engine', sample: svc('    cgroup: private\n') },
  { path: 'services.*.cpu_count', kind: 'ignored', why: 'it is a Windows-only limit', sample: svc('    cpu_count: 2\n') },
  { path: 'services.*.cpu_percent', kind: 'ignored', why: 'it is a Windows-only limit', sample: svc('    cpu_percent: 50\n') },
  { path: 'services.*.cpu_rt_period', kind: 'ignored', why: 'real-time CPU limits are not passed to the engine', sample: svc('    cpu_rt_period: 1000\n') },
  { path: 'services.*.cpu_rt_runtime', kind: 'ignored', why: 'real-time CPU limits are not passed to the engine', sample: svc('    cpu_rt_runtime: 1000\n') },
  { path: 'services.*.credential_spec', kind: 'ignored', why: 'it is a Windows-only setting', sample: svc('    credential_spec: {file: spec.json}\n') },
  { path: 'services.*.mem_swappiness', kind: 'ignored', why: 'swappiness is not passed to the engine', sample: svc('    mem_swappiness: 10\n') },
  { path: 'services.*.pull_refresh_after', kind: 'ignored', why: 'timed re-pulls are not implemented; use pull_policy', sample: svc('    pull_refresh_after: 24h\n') },
  { path: 'services.*.storage_opt', kind: 'ignored', why: 'storage driver options are not passed to the engine', sample: svc('    storage_opt: {size: 1G}\n') },
  { path: 'services.*.uts', kind: 'ignored', why: 'the UTS namespace mode is not passed to the engine', sample: svc('    uts: host\n') },
  { path: 'services.*.healthcheck.start_interval', kind: 'ignored', why: 'it needs Engine API 1.44; the engine uses its default', sample: svc('    healthcheck: {test: ["CMD", "true"], start_interval: 1s}\n') },
  { path: 'services.*.networks.*.interface_name', kind: 'ignored', why: 'the engine names interfaces itself (Engine API 1.49 is needed)', sample: svc('    networks:\n      default: {interface_name: eth7}\n') },
  { path: 'services.*.networks.*.link_local_ips', kind: 'ignored', why: 'link-local addresses are not passed to the engine', sample: svc('    networks:\n      default: {link_local_ips: [169.254.8.8]}\n') },
  { path: 'services.*.networks.*.mac_address', kind: 'ignored', why: 'per-network MAC addresses are not passed; use the service mac_address', sample: svc('    networks:\n      default: {mac_address: "02:42:ac:11:00:02"}\n') },
  { path: 'services.*.networks.*.driver_opts', kind: 'ignored', why: 'endpoint driver options are not passed to the engine', sample: svc('    networks:\n      default: {driver_opts: {a: b}}\n') },
  { path: 'services.*.networks.*.gw_priority', kind: 'ignored', why: 'the gateway priority needs Engine API 1.48; it is not sent', sample: svc('    networks:\n      default: {gw_priority: 1}\n') },
  { path: 'services.*.volumes.[].consistency', kind: 'ignored', why: 'it only matters to Docker Desktop on macOS', sample: svc('    volumes: [{type: bind, source: ., target: /src, consistency: cached}]\n') },
  { path: 'services.*.volumes.[].bind.recursive', kind: 'ignored', why: 'recursive read-only binds need Engine API 1.44; the engine default applies', sample: svc('    volumes: [{type: bind, source: ., target: /src, bind: {recursive: enabled}}]\n') },
  { path: 'services.*.deploy.mode', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {mode: global}\n') },
  { path: 'services.*.deploy.endpoint_mode', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {endpoint_mode: dnsrr}\n') },
  { path: 'services.*.deploy.labels', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {labels: {a: b}}\n') },
  { path: 'services.*.deploy.placement', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {placement: {constraints: ["node.role==manager"]}}\n') },
  { path: 'services.*.deploy.update_config', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {update_config: {parallelism: 2}}\n') },
  { path: 'services.*.deploy.rollback_config', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {rollback_config: {parallelism: 2}}\n') },
  { path: 'services.*.deploy.restart_policy', kind: 'ignored', why: 'use restart: (deploy.restart_policy is read by swarm)', sample: svc('    deploy: {restart_policy: {condition: on-failure}}\n') },
  { path: 'services.*.deploy.resources.reservations.cpus', kind: 'ignored', why: 'the engine has no CPU reservation outside swarm', sample: svc('    deploy: {resources: {reservations: {cpus: "0.5"}}}\n') },
  { path: 'services.*.deploy.resources.reservations.devices', kind: 'ignored', why: 'device (GPU) requests are not passed to the engine', sample: svc('    deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}\n') },
  { path: 'services.*.deploy.resources.reservations.generic_resources', kind: 'ignored', why: swarmOnly, sample: svc('    deploy: {resources: {reservations: {generic_resources: [{discrete_resource_spec: {kind: gpu, value: 1}}]}}}\n') },
  ...['dockerfile_inline', 'ssh', 'secrets', 'cache_from', 'cache_to', 'additional_contexts', 'platforms', 'tags', 'entitlements', 'network', 'pull', 'no_cache', 'shm_size', 'extra_hosts', 'isolation', 'privileged', 'ulimits'].map(
    (key): CoverageRule => ({
      path: `services.*.build.${key}`,
      kind: 'ignored',
      why: 'Berth builds through the classic Engine API build (context, dockerfile, args, labels, target); this option is not sent',
      sample: `services:\n  app:\n    build:\n      context: .\n      ${key}: ${BUILD_SAMPLES[key] ?? 'x'}\n`,
    }),
  ),
  { path: 'networks.*.enable_ipv4', kind: 'ignored', why: 'it needs Engine API 1.47; networks always get IPv4', sample: 'services:\n  app: {image: busybox}\nnetworks:\n  n: {enable_ipv4: true}\n' },
  { path: 'secrets.*.environment', kind: 'refused', why: 'only file-based secrets work without swarm; use file:', sample: 'services:\n  app: {image: busybox, secrets: [s]}\nsecrets:\n  s: {environment: HOME}\n' },
  { path: 'configs.*.environment', kind: 'refused', why: 'only file-based configs work without swarm; use file:', sample: 'services:\n  app: {image: busybox, configs: [c]}\nconfigs:\n  c: {environment: HOME}\n' },
  { path: 'secrets.*.external', kind: 'refused', why: 'external secrets live in swarm; use file:', sample: 'services:\n  app: {image: busybox, secrets: [s]}\nsecrets:\n  s: {external: true}\n' },
  { path: 'configs.*.external', kind: 'refused', why: 'external configs live in swarm; use file:', sample: 'services:\n  app: {image: busybox, configs: [c]}\nconfigs:\n  c: {external: true}\n' },
  { path: 'configs.*.content', kind: 'refused', why: 'only file-based configs work without swarm; use file:', sample: 'services:\n  app: {image: busybox, configs: [c]}\nconfigs:\n  c: {content: hello}\n' },
];

/** Where `segments` match in `value`: one concrete key path per match. */
function matches(value: unknown, segments: string[], at: string[], out: string[][]): void {
  const [seg, ...rest] = segments;
  if (seg === undefined) {
    out.push(at);
    return;
  }
  if (seg === '[]') {
    if (Array.isArray(value)) value.forEach((item, i) => matches(item, rest, [...at, String(i)], out));
    return;
  }
  if (!isMapping(value)) return;
  if (seg === '*') {
    for (const [key, child] of Object.entries(value)) matches(child, rest, [...at, key], out);
  } else if (Object.hasOwn(value, seg)) {
    matches(value[seg], rest, [...at, seg], out);
  }
}

/** One warning per rule that the project uses, naming the services (or top-level entries) that use it. */
export function coverageWarnings(project: Mapping, rules: readonly CoverageRule[] = COVERAGE_RULES): string[] {
  const warnings: string[] = [];
  for (const rule of rules) {
    const found: string[][] = [];
    matches(project, rule.path.split('.'), [], found);
    if (found.length === 0) continue;
    const owners = [...new Set(found.map((p) => p[1] ?? p[0] ?? ''))];
    const shown = owners.length > 5 ? `${owners.slice(0, 5).join(', ')} and ${owners.length - 5} more` : owners.join(', ');
    const where = rule.path.includes('*') ? ` (${rule.path.split('.')[0] === 'services' ? 'service' : 'entry'}${owners.length > 1 ? 's' : ''} ${shown})` : '';
    const verdict = rule.kind === 'ignored' ? 'is accepted but ignored by Berth' : "is accepted by config, but 'up' refuses it";
    warnings.push(`${rule.path}${where} ${verdict}: ${rule.why}`);
  }
  return warnings;
}
