import type { ComposeProject } from '../compose';

/**
 * Service keys `docker stack deploy` maps to the service spec. Everything else in a service is named in a
 * warning, as the CLI's "Ignoring unsupported options: …" does (Berth names more of them: the CLI's v3 schema
 * refuses the compose-spec-only keys, Berth's loader accepts them, so they must not pass silently).
 */
const MAPPED = new Set([
  'image', 'command', 'entrypoint', 'environment', 'labels', 'deploy', 'ports', 'volumes', 'networks', 'healthcheck',
  'secrets', 'configs', 'user', 'working_dir', 'hostname', 'stop_grace_period', 'stop_signal', 'tty', 'stdin_open',
  'init', 'sysctls', 'ulimits', 'dns', 'dns_search', 'dns_opt', 'extra_hosts', 'cap_add', 'cap_drop', 'read_only',
  'group_add', 'isolation', 'logging', 'restart', 'scale', 'profiles',
]);

const DEPLOY_MAPPED = new Set(['mode', 'replicas', 'labels', 'resources', 'restart_policy', 'placement', 'update_config', 'rollback_config', 'endpoint_mode']);

/** Why Swarm ignores a key, where one short reason helps (the rest get a generic one). */
export const IGNORED_WHY: Record<string, string> = {
  build: 'Swarm cannot build; build and push the image first, then deploy',
  container_name: 'Swarm names tasks itself (<stack>_<service>.<slot>.<id>)',
  depends_on: 'Swarm starts services in no order; make services retry until what they need answers',
  links: 'use networks (services reach each other by service name)',
  external_links: 'use networks (services reach each other by service name)',
  network_mode: 'services join overlay networks; host networking is an external network named "host"',
  privileged: 'Swarm services cannot run privileged; use cap_add',
  devices: 'Swarm services cannot map devices',
  security_opt: 'not supported by Swarm services',
  expose: 'unnecessary: services on the same network reach any port',
  pid: 'not supported by Swarm services',
  ipc: 'not supported by Swarm services',
  userns_mode: 'not supported by Swarm services',
  cgroup_parent: 'not supported by Swarm services',
  cgroup: 'not supported by Swarm services',
  shm_size: 'not supported by Swarm services; mount a tmpfs on /dev/shm',
  mac_address: 'not supported by Swarm services',
  domainname: 'not supported by Swarm services',
  volumes_from: 'not supported by Swarm services; use a named volume',
  mem_limit: 'use deploy.resources.limits.memory',
  memswap_limit: 'not supported by Swarm services',
  mem_reservation: 'use deploy.resources.reservations.memory',
  cpus: 'use deploy.resources.limits.cpus',
  cpu_shares: 'use deploy.resources',
  cpu_quota: 'use deploy.resources.limits.cpus',
  cpu_period: 'use deploy.resources.limits.cpus',
  cpuset: 'not supported by Swarm services',
  pids_limit: 'use deploy.resources.limits.pids',
  pull_policy: 'Swarm nodes pull the image when they do not have it',
  platform: 'use a placement constraint on node.platform.arch / node.platform.os',
  tmpfs: 'use a volume of type tmpfs',
  oom_kill_disable: 'not supported by Swarm services',
  oom_score_adj: 'not supported by Swarm services',
  runtime: 'not supported by Swarm services',
  env_file: 'read into environment',
};

/** "Ignoring unsupported options: build (services web, api): …" lines, one per key, in a stable order. */
export function unsupportedWarnings(project: ComposeProject): string[] {
  const byKey = new Map<string, string[]>();
  const add = (key: string, service: string) => byKey.set(key, [...(byKey.get(key) ?? []), service]);
  for (const [name, svc] of Object.entries(project.services)) {
    for (const key of Object.keys(svc)) if (!MAPPED.has(key) && !key.startsWith('x-')) add(key, name);
    const deploy = svc.deploy ?? {};
    for (const key of Object.keys(deploy)) if (!DEPLOY_MAPPED.has(key) && !key.startsWith('x-')) add(`deploy.${key}`, name);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, services]) => `Ignoring unsupported options: ${key} (service${services.length > 1 ? 's' : ''} ${services.join(', ')}): ${IGNORED_WHY[key] ?? 'Swarm services do not have it'}`);
}
