import { CIS_DOCKER, type AuditInput, type Remedy, type SecurityRule } from './types';

// Rules about how the container runs: limits, user, health, filesystem, ports and restarts.

const MiB = 1024 * 1024;

/** Whether the container's main process runs as root (undefined: not known from this source). */
export const runsAsRoot = (input: AuditInput): boolean | undefined => (input.user === undefined ? undefined : isRootUser(input.user));

/** Whether a `user[:group]` as docker takes it means root ('' is the engine's default: root). */
export const isRootUser = (spec: string): boolean => {
  const user = spec.trim().split(':')[0] ?? '';
  return user === '' || user === 'root' || user === '0';
};

/** Berth recreates only containers it may: not a swarm task (its service owns it), not an auto-removing one. */
export const canRecreate = (input: AuditInput): boolean => !input.managedBySwarm && !input.autoRemove;

const limitRule = (
  id: string,
  benchmarkId: string,
  derived: boolean,
  field: 'memory' | 'cpus' | 'pidsLimit',
  title: string,
  why: string,
  fix: string,
  suggested: number,
  message: string,
): SecurityRule => ({
  id,
  benchmark: CIS_DOCKER,
  benchmarkId,
  derived,
  severity: field === 'cpus' ? 'low' : 'medium',
  title,
  why,
  fix,
  oneClick: true,
  kind: 'missing',
  check: (input) => {
    const value = input[field];
    if (value === undefined || value > 0) return undefined;
    const remedy: Remedy = { label: `Recreate with a ${{ memory: 'memory', cpus: 'CPU', pidsLimit: 'process' }[field]} limit`, field, suggested, confirm: 'The container is stopped and made again with the limit; if it needs more, it is killed or throttled.' };
    return { message, remedy };
  },
});

export const runtimeRules: SecurityRule[] = [
  limitRule('memory-limit', '5.11', false, 'memory', 'No memory limit', 'A container without a memory limit can take all of the host\'s memory and get other containers or host processes killed.', 'Set a memory limit (--memory / mem_limit or deploy.resources.limits.memory).', 512 * MiB, 'Has no memory limit.'),
  limitRule('cpu-limit', '5.12', true, 'cpus', 'No CPU limit', 'A container without a CPU limit can starve the host and other containers of processor time.', 'Set a CPU limit (--cpus / cpus or deploy.resources.limits.cpus).', 1, 'Has no CPU limit.'),
  limitRule('pids-limit', '5.29', false, 'pidsLimit', 'No process limit', 'Without a PIDs limit, a fork bomb in the container exhausts the host\'s process table.', 'Set a process limit (--pids-limit / pids_limit).', 512, 'Has no limit on the number of processes.'),
  {
    id: 'root-user',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.1',
    derived: true,
    severity: 'medium',
    title: 'Runs as root',
    why: 'Root in the container is root on the host unless user namespaces remap it: any escape (a kernel bug, a bad mount) starts with full rights.',
    fix: 'Run as an unprivileged user (--user 1000:1000 / user:, or a USER line in the image) and give it ownership of the paths it writes.',
    oneClick: false,
    kind: 'missing',
    check: (input) => (runsAsRoot(input) ? { message: input.user ? `Runs as ${input.user}.` : 'Runs as root (no user set).' } : undefined),
  },
  {
    id: 'no-healthcheck',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.27',
    derived: false,
    severity: 'low',
    title: 'No healthcheck',
    why: 'Without a healthcheck the engine cannot tell a hung service from a working one, so nothing restarts or replaces it.',
    fix: 'Add a healthcheck (--health-cmd / healthcheck: test) that proves the service answers.',
    oneClick: false,
    kind: 'missing',
    check: (input) =>
      input.healthcheck === 'none' || input.healthcheck === 'disabled'
        ? { message: input.healthcheck === 'disabled' ? "The image's healthcheck is disabled." : 'Has no healthcheck.' }
        : undefined,
  },
  {
    id: 'writable-rootfs',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.13',
    derived: false,
    severity: 'low',
    title: 'Writable root filesystem',
    why: 'An attacker inside can change the container\'s programs and persist tools; a read-only root keeps the image as shipped.',
    fix: 'Run with --read-only (compose: read_only: true) and give the paths it writes a volume or tmpfs.',
    oneClick: true,
    kind: 'missing',
    check: (input) =>
      input.readOnlyRootfs === false
        ? { message: 'The root filesystem is writable.', remedy: { label: 'Recreate with a read-only root filesystem', changes: { readOnlyRootfs: true }, confirm: 'Only volumes and tmpfs mounts stay writable: software that writes anywhere else (logs, caches, /tmp) will fail.' } }
        : undefined,
  },
  {
    id: 'ports-all-interfaces',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.14',
    derived: false,
    severity: 'medium',
    title: 'Ports published on every interface',
    why: 'A port published on 0.0.0.0 or :: is reachable from every network the host is on, and Docker\'s rules bypass most host firewalls.',
    fix: 'Publish on one address, e.g. -p 127.0.0.1:8080:80 (compose: "127.0.0.1:8080:80"), and put a reverse proxy in front for remote access.',
    oneClick: true,
    kind: 'setting',
    check: (input) => {
      const open = input.ports.filter((p) => p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp === '::');
      if (open.length === 0) return undefined;
      const names = [...new Set(open.map((p) => `${p.hostPort ?? '(any)'}/${p.protocol}`))];
      // One binding per published port: the engine reports 0.0.0.0 and :: separately for the same row.
      const seen = new Set<string>();
      const ports = input.ports
        .map((p) => (open.includes(p) ? { ...p, hostIp: '127.0.0.1' } : p))
        .filter((p) => {
          const key = `${p.hostIp}|${p.hostPort ?? ''}|${p.containerPort}|${p.protocol}`;
          return seen.has(key) ? false : (seen.add(key), true);
        })
        .map((p) => ({ containerPort: p.containerPort, protocol: p.protocol, hostIp: p.hostIp || '127.0.0.1', ...(p.hostPort ? { hostPort: p.hostPort } : {}) }));
      return {
        message: `Publishes ${names.join(', ')} on every interface.`,
        remedy: { label: 'Recreate with ports on 127.0.0.1 only', changes: { ports }, confirm: 'Other machines will no longer reach these ports; only this host will.' },
      };
    },
  },
  {
    id: 'restart-unlimited',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.15',
    derived: true,
    severity: 'low',
    title: 'Restart policy without a retry limit',
    why: 'A container that fails at start is restarted forever, which can hide an attack or a crash loop and wears the host.',
    fix: 'Use --restart on-failure:5 (compose: restart: "on-failure:5").',
    oneClick: true,
    kind: 'setting',
    check: (input) => {
      const p = input.restartPolicy;
      if (!p || p.name === 'no' || p.name === '') return undefined;
      if (p.name === 'on-failure' && (p.maximumRetryCount ?? 0) > 0) return undefined;
      return {
        message: p.name === 'on-failure' ? 'Restarts on failure with no retry limit.' : `Restarts ${p.name === 'always' ? 'always' : 'unless stopped'}, with no retry limit.`,
        remedy: { label: 'Recreate with on-failure:5', changes: { restartPolicy: { name: 'on-failure', maximumRetryCount: 5 } }, confirm: p.name === 'on-failure' ? undefined : 'It will no longer come back by itself after a clean exit or an engine restart.' },
      };
    },
  },
];
