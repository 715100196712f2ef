import { CIS_DOCKER, type AuditInput, type AuditMount, type SecurityRule } from './types';

// Rules about power over the host: privileges, shared namespaces, host paths, capabilities, confinement.

/** Docker's default capability set (moby oci/caps/defaults.go): adding one of these changes nothing. */
const DEFAULT_CAPS = new Set([
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP',
  'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
]);
/** Capabilities that amount to (or come close to) root on the host. */
const HOST_LEVEL_CAPS = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'SYS_BOOT', 'BPF', 'MAC_ADMIN', 'MAC_OVERRIDE']);

export const capName = (cap: string): string => cap.toUpperCase().replace(/^CAP_/, '');

/** Added capabilities beyond Docker's defaults, by their short name. */
export const addedCapabilities = (input: AuditInput): string[] => {
  const dropped = new Set(input.capDrop.map(capName));
  return [...new Set(input.capAdd.map(capName))].filter((c) => !DEFAULT_CAPS.has(c) && !dropped.has(c));
};

const SOCKET = /(?:^|\/)(?:docker|podman|containerd)\.sock$/;
// By the host path, or by where it lands (a socket under another name mounted at /var/run/docker.sock).
const isSocket = (m: AuditMount) => m.type === 'bind' && (SOCKET.test(m.source) || SOCKET.test(m.target));

const SENSITIVE = ['/etc', '/proc', '/sys', '/boot', '/var/run', '/run', '/dev', '/var/lib/docker'];
const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Bind mounts of the host's root, system folders or the engine's data root (the socket has its own rule). */
export function sensitiveMounts(input: AuditInput, dataRoot?: string): AuditMount[] {
  const roots = dataRoot ? [...SENSITIVE, trimSlash(dataRoot)] : SENSITIVE;
  return input.mounts.filter((m) => {
    if (m.type !== 'bind' || isSocket(m)) return false;
    const source = trimSlash(m.source);
    return source === '/' || roots.some((r) => within(source, r));
  });
}

const hostNamespace = (
  id: string,
  benchmarkId: string,
  which: 'networkMode' | 'pidMode' | 'ipcMode' | 'utsMode',
  title: string,
  why: string,
): SecurityRule => ({
  id,
  benchmark: CIS_DOCKER,
  benchmarkId,
  derived: false,
  severity: 'high',
  title,
  why,
  fix: `Recreate the container without ${{ networkMode: '--network host', pidMode: '--pid host', ipcMode: '--ipc host', utsMode: '--uts host' }[which]} (compose: remove ${{ networkMode: 'network_mode: host', pidMode: 'pid: host', ipcMode: 'ipc: host', utsMode: 'uts: host' }[which]}).`,
  oneClick: false,
  kind: 'setting',
  check: (input) => (input[which] === 'host' ? { message: `${title}.` } : undefined),
});

export const hostRules: SecurityRule[] = [
  {
    id: 'privileged',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.5',
    derived: false,
    severity: 'high',
    title: 'Privileged container',
    why: 'A privileged container gets every kernel capability and all host devices, without seccomp or AppArmor: whoever controls it controls the host.',
    fix: 'Recreate it without --privileged (compose: privileged: false) and add only the capabilities or devices it really needs.',
    oneClick: false,
    kind: 'setting',
    check: (input) => (input.privileged ? { message: 'Runs in privileged mode.' } : undefined),
  },
  hostNamespace('host-network', '5.10', 'networkMode', "Shares the host's network namespace", 'The container sees and can bind every host interface, reach services listening on the host\'s loopback and sniff host traffic.'),
  hostNamespace('host-pid', '5.16', 'pidMode', "Shares the host's process namespace", 'The container sees every process on the host and, as root, can signal or trace them.'),
  hostNamespace('host-ipc', '5.17', 'ipcMode', "Shares the host's IPC namespace", "The container can read and write the host's shared memory segments and semaphores."),
  hostNamespace('host-uts', '5.21', 'utsMode', "Shares the host's UTS namespace", "The container can change the host's hostname and domain name."),
  {
    id: 'docker-socket',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.32',
    derived: false,
    severity: 'high',
    title: 'Container engine socket mounted',
    why: 'The engine API is root-equivalent: a process that can talk to the socket can start a privileged container and take over the host.',
    fix: 'Remove the socket mount. If the container must manage containers, give it a filtering proxy that allows only the calls it needs.',
    oneClick: false,
    kind: 'setting',
    check: (input) => {
      const socks = input.mounts.filter(isSocket).map((m) => m.source);
      return socks.length ? { message: `Mounts the engine socket ${socks.join(', ')}.` } : undefined;
    },
  },
  {
    id: 'sensitive-mount',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.6',
    derived: true,
    severity: 'high',
    title: 'Sensitive host path mounted',
    why: "Binding the host's root, /etc, /proc, /sys, /boot, /var/run or the engine's data root lets the container read secrets of the host or change how it boots and runs.",
    fix: 'Mount only the specific files the container needs, read-only, or use a named volume instead.',
    oneClick: false,
    kind: 'setting',
    check: (input, ctx) => {
      const found = sensitiveMounts(input, ctx.dataRoot);
      if (found.length === 0) return undefined;
      const list = found.map((m) => `${m.source}${m.readOnly ? ' (read-only)' : ''}`).join(', ');
      return { message: `Binds ${list} from the host.`, severity: found.every((m) => m.readOnly) ? 'medium' : 'high' };
    },
  },
  {
    id: 'added-capabilities',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.4',
    derived: false,
    severity: 'high',
    title: 'Dangerous capabilities added',
    why: 'Capabilities beyond Docker\'s default set (SYS_ADMIN, NET_ADMIN, SYS_MODULE, ...) give the container powers over the kernel and the host that most software never needs.',
    fix: 'Recreate the container without the added capabilities (--cap-add / cap_add), or only with the narrowest one it needs.',
    oneClick: true,
    kind: 'setting',
    check: (input) => {
      const added = addedCapabilities(input);
      if (added.length === 0) return undefined;
      const severity = added.some((c) => HOST_LEVEL_CAPS.has(c)) ? 'high' : 'medium';
      return {
        message: `Adds ${added.join(', ')}.`,
        severity,
        remedy: { label: `Recreate without ${added.join(', ')}`, changes: { dropAddedCapabilities: added }, confirm: 'Software that needs these capabilities will fail inside the container.' },
      };
    },
  },
  {
    id: 'unconfined',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.22',
    derived: true,
    severity: 'high',
    title: 'Seccomp or AppArmor unconfined',
    why: "The default seccomp profile blocks about 44 dangerous system calls and AppArmor limits file and mount access; unconfined, a kernel bug is one call away.",
    fix: 'Recreate it without --security-opt seccomp=unconfined / apparmor=unconfined (or with a custom profile that allows only what it needs).',
    oneClick: false,
    kind: 'setting',
    check: (input) => {
      const opts = input.securityOpt.map((o) => o.replace(':', '=').toLowerCase());
      const off = [
        ...(opts.includes('seccomp=unconfined') ? ['seccomp'] : []),
        ...(opts.includes('apparmor=unconfined') || input.appArmorUnconfined ? ['AppArmor'] : []),
      ];
      return off.length && !input.privileged ? { message: `Runs with ${off.join(' and ')} unconfined.` } : undefined;
    },
  },
  {
    id: 'no-new-privileges',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.26',
    derived: false,
    severity: 'medium',
    title: 'no-new-privileges not set',
    why: 'Without it, a process in the container can gain privileges through setuid or setgid binaries.',
    fix: 'Recreate it with --security-opt no-new-privileges (compose: security_opt: [no-new-privileges:true]).',
    oneClick: true,
    kind: 'missing',
    check: (input) => {
      const set = input.securityOpt.some((o) => /^no-new-privileges(?:[:=]true)?$/i.test(o));
      return set ? undefined : { message: 'Processes may gain new privileges (setuid binaries).', remedy: { label: 'Recreate with no-new-privileges', changes: { noNewPrivileges: true } } };
    },
  },
  {
    id: 'devices',
    benchmark: CIS_DOCKER,
    benchmarkId: '5.18',
    derived: false,
    severity: 'medium',
    title: 'Host devices mapped',
    why: 'A mapped device (disk, GPU, serial port) can be read or written from the container, bypassing the host\'s file permissions.',
    fix: 'Map only the devices it needs, with the narrowest permissions (e.g. --device /dev/x:/dev/x:r).',
    oneClick: false,
    kind: 'setting',
    check: (input) => (input.devices.length ? { message: `Maps ${input.devices.join(', ')} from the host.` } : undefined),
  },
];
