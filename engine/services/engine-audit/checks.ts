import type { BenchmarkRef, EngineCandidate, EngineCheck, SystemInfo } from '../../contract';

const CIS = 'CIS Docker Benchmark v1.7.0';
const cis = (id: string): BenchmarkRef => ({ id, version: CIS });

/** Where the data root lives compared with `/`, read on this machine (absent for a remote engine). */
export interface DataRootFacts {
  sameFilesystemAsRoot: boolean;
  freeBytes?: number;
  totalBytes?: number;
}

/** Everything the checks are computed from; gathered by `facts.ts`, pure here so each rule is unit-tested. */
export interface EngineFacts {
  /** How Berth connects: the endpoint and its TLS settings. */
  connection: Pick<EngineCandidate, 'endpoint' | 'tls'>;
  info: Pick<
    SystemInfo,
    'security' | 'liveRestore' | 'experimental' | 'insecureRegistries' | 'warnings' | 'swarm' | 'dataRoot'
  > & { debug?: boolean };
  /** The default bridge's enable_icc option: undefined when the engine has no default bridge. */
  icc?: boolean;
  /** Host-side facts; undefined when the engine is not on this machine (or its data root cannot be read). */
  dataRoot?: DataRootFacts;
  /** Why host-side facts are missing, said in the check. */
  dataRootUnknownReason?: string;
}

/** The loopback range every dockerd lists as insecure by default: not a choice the user made. */
const DEFAULT_INSECURE = new Set(['127.0.0.0/8', '::1/128']);

/** "WARNING: API is accessible on http://0.0.0.0:2375 without encryption." → the addresses. */
export function plainApiListeners(warnings: string[]): string[] {
  return warnings.flatMap((w) => {
    const m = /API is accessible on (http:\/\/\S+) without encryption/i.exec(w);
    return m?.[1] ? [m[1]] : [];
  });
}

function tcpWithoutTls(f: EngineFacts): EngineCheck {
  const base = {
    id: 'engine.tcp-without-tls',
    title: 'Engine API not exposed over TCP without TLS',
    benchmark: cis('2.7'),
    severity: 'high' as const,
  };
  const fix =
    'Serve the API on a Unix socket or over SSH (ssh://user@host), or configure TLS with client certificates ' +
    '(dockerd --tlsverify --tlscacert --tlscert --tlskey) and connect with tcp:// plus those certificates.';
  const endpoint = f.connection.endpoint;
  const listeners = plainApiListeners(f.info.warnings);
  if (/^(tcp|http):\/\//i.test(endpoint) && !f.connection.tls) {
    return {
      ...base,
      status: 'fail',
      why:
        `Berth talks to this engine at ${endpoint} without TLS. The Docker API is root on the host: anyone who ` +
        'can reach that port can run a privileged container, and everything sent (registry logins, env values) ' +
        'crosses the network in clear.',
      fix,
    };
  }
  if (listeners.length > 0) {
    return {
      ...base,
      status: 'fail',
      why:
        `The engine itself reports that its API is also served without encryption at ${listeners.join(', ')}. ` +
        'Anyone who can reach that address controls the host, whatever Berth connects through.',
      fix: `Remove the tcp:// host without --tlsverify from dockerd's flags or daemon.json "hosts". ${fix}`,
    };
  }
  if (f.connection.tls && !f.connection.tls.verify) {
    return {
      ...base,
      status: 'warn',
      severity: 'medium',
      why: `Berth connects to ${endpoint} over TLS but does not verify the engine's certificate, so a machine in the middle could pose as the engine.`,
      fix: 'Give Berth the engine\'s CA certificate and turn verification on (DOCKER_TLS_VERIFY=1).',
    };
  }
  return {
    ...base,
    status: 'pass',
    why: /^(tcp|https):\/\//i.test(endpoint)
      ? `Berth connects to ${endpoint} over verified TLS, and the engine reports no API served in clear.`
      : `Berth connects through ${endpoint.split('://')[0]}://, and the engine reports no API served over TCP in clear.`,
  };
}

function rootlessOrUserns(f: EngineFacts): EngineCheck {
  const { rootless, userns } = f.info.security;
  const base = { id: 'engine.user-namespaces', title: 'Rootless engine or user-namespace remapping', severity: 'medium' as const };
  if (rootless) return { ...base, benchmark: cis('2.1'), status: 'pass', why: 'The engine runs rootless: root in a container is an unprivileged user on the host.' };
  if (userns) return { ...base, benchmark: cis('2.9'), status: 'pass', why: 'User-namespace remapping is on: root in a container maps to an unprivileged range of host IDs.' };
  return {
    ...base,
    benchmark: cis('2.9'),
    status: 'warn',
    why: 'The engine runs as root without user-namespace remapping: root in a container is root on the host, so a container escape gives full control of the machine.',
    fix: 'Run the engine rootless (dockerd-rootless-setuptool.sh install), or start dockerd with --userns-remap=default (existing images and volumes are then not visible until it is turned off again).',
  };
}

function liveRestore(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.live-restore', title: 'Live restore', benchmark: cis('2.15'), severity: 'low' as const };
  if (f.info.liveRestore) return { ...base, status: 'pass', why: 'Containers keep running while the engine restarts or is upgraded.' };
  if (f.info.swarm.state === 'active')
    return { ...base, status: 'pass', why: 'Live restore is not available in swarm mode; swarm reschedules tasks instead.' };
  return {
    ...base,
    status: 'warn',
    why: 'Restarting or upgrading the engine stops every container, so patching the engine means downtime (and may be put off).',
    fix: 'Start dockerd with --live-restore, or set "live-restore": true in daemon.json and reload the engine (SIGHUP).',
  };
}

function icc(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.icc', title: 'Traffic between containers on the default bridge', benchmark: cis('2.2'), severity: 'medium' as const };
  if (f.icc === undefined)
    return { ...base, status: 'unknown', why: 'This engine has no default bridge network (or does not report its options), so there is nothing to check.' };
  if (!f.icc) return { ...base, status: 'pass', why: 'Inter-container communication is off on the default bridge: containers there reach each other only through published ports or links.' };
  return {
    ...base,
    status: 'warn',
    why: 'Every container on the default bridge can reach every other one on any port, so one compromised container can probe and attack the rest.',
    fix: 'Start dockerd with --icc=false ("icc": false in daemon.json), and put containers that must talk on a user-defined network of their own.',
  };
}

function seccomp(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.seccomp', title: 'Default seccomp profile', benchmark: cis('2.17'), severity: 'high' as const };
  const profile = f.info.security.seccomp;
  if (profile === undefined || profile === 'unconfined')
    return {
      ...base,
      status: 'fail',
      why: 'The engine applies no seccomp profile, so containers can make every system call the kernel offers, including the ones most kernel exploits need.',
      fix: 'Use a kernel and dockerd built with seccomp support and do not set "seccomp-profile": "unconfined" in daemon.json.',
    };
  if (profile === 'default' || profile === 'builtin')
    return { ...base, status: 'pass', why: "Containers get Docker's default seccomp profile, which blocks about 44 dangerous system calls, unless one is run with seccomp=unconfined." };
  return { ...base, status: 'pass', why: `Containers get the engine-wide seccomp profile "${profile}".` };
}

function dataRoot(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.data-root-partition', title: 'Data root on its own filesystem', benchmark: cis('1.1.1'), severity: 'low' as const };
  const where = f.info.dataRoot || 'the data root';
  if (!f.dataRoot)
    return { ...base, status: 'unknown', why: f.dataRootUnknownReason ?? `Berth could not read where ${where} is stored.` };
  const space =
    f.dataRoot.freeBytes !== undefined && f.dataRoot.totalBytes !== undefined
      ? ` (${Math.round((f.dataRoot.freeBytes / Math.max(1, f.dataRoot.totalBytes)) * 100)}% free)`
      : '';
  if (!f.dataRoot.sameFilesystemAsRoot)
    return { ...base, status: 'pass', why: `${where} is on its own filesystem${space}: images, logs and volumes filling it cannot fill /.` };
  return {
    ...base,
    status: 'warn',
    why: `${where} is on the same filesystem as /${space}: images, container logs and volumes that fill it also fill the system disk, and the host can stop working.`,
    fix: `Mount a separate partition or volume at ${where} (or move the data root there with "data-root" in daemon.json), and cap container logs (log-opts max-size).`,
  };
}

function insecureRegistries(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.insecure-registries', title: 'No insecure registries', benchmark: cis('2.5'), severity: 'medium' as const };
  const chosen = f.info.insecureRegistries.filter((r) => !DEFAULT_INSECURE.has(r));
  if (chosen.length === 0) return { ...base, status: 'pass', why: 'Every registry outside this machine is reached over verified TLS.' };
  return {
    ...base,
    status: 'warn',
    why: `The engine pulls from ${chosen.join(', ')} over plain HTTP or unverified TLS: anyone on the way can swap the images it runs.`,
    fix: 'Give those registries TLS certificates (a private CA in /etc/docker/certs.d/<host>/ca.crt works) and remove them from "insecure-registries".',
  };
}

function experimental(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.experimental', title: 'Experimental features off', benchmark: cis('2.18'), severity: 'low' as const };
  if (!f.info.experimental) return { ...base, status: 'pass', why: 'Only stable engine features are enabled.' };
  return { ...base, status: 'warn', why: 'Experimental features are on: they are less tested and their API may change.', fix: 'Remove --experimental ("experimental": true in daemon.json) on engines that run real workloads.' };
}

function debug(f: EngineFacts): EngineCheck {
  const base = { id: 'engine.log-level', title: "Logging level 'info'", benchmark: cis('2.3'), severity: 'low' as const };
  if (f.info.debug === undefined) return { ...base, status: 'unknown', why: 'The engine does not say whether debug logging is on.' };
  if (!f.info.debug) return { ...base, status: 'pass', why: 'Debug logging is off.' };
  return { ...base, status: 'warn', why: 'Debug logging is on: the engine logs far more (request details included) and the logs grow fast.', fix: 'Remove -D/--debug ("debug": true in daemon.json) or set --log-level=info.' };
}

/** Every engine check, in the order the panel shows them (the loudest first). */
export function runEngineChecks(f: EngineFacts): EngineCheck[] {
  return [tcpWithoutTls(f), seccomp(f), rootlessOrUserns(f), icc(f), insecureRegistries(f), liveRestore(f), dataRoot(f), experimental(f), debug(f)];
}
