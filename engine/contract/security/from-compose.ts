import { parseByteSize } from '../methods/container-spec';
import type { AuditInput, AuditMount, AuditPort } from './types';

// A compose service as the file has it (short or long syntax), for the app builder and compose views. Values
// that are still `${VARIABLES}` or unreadable count as "not known" rather than as a finding.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
};
const bytes = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' ? parseByteSize(v) : undefined);

const isHostPath = (s: string) => /^(?:\/|\.{1,2}(?:\/|$)|~)/.test(s);

function mountOf(v: unknown): AuditMount | undefined {
  if (typeof v === 'string') {
    const [source = '', target, mode = ''] = v.split(':');
    if (target === undefined) return { type: 'volume', source: '', target: source, readOnly: false };
    return { type: isHostPath(source) ? 'bind' : 'volume', source, target, readOnly: mode.split(',').includes('ro') };
  }
  if (!isObj(v)) return undefined;
  return { type: str(v.type) ?? 'volume', source: str(v.source) ?? '', target: str(v.target) ?? '', readOnly: v.read_only === true };
}

/** "[ip:]host:container[/proto]", "container", or the long form; only the first port of a range. */
export function composePort(v: unknown): AuditPort | undefined {
  if (isObj(v)) {
    const containerPort = num(v.target);
    if (containerPort === undefined) return undefined;
    const hostPort = num(str(v.published)?.split('-')[0]);
    const protocol = str(v.protocol) === 'udp' ? 'udp' : str(v.protocol) === 'sctp' ? 'sctp' : 'tcp';
    return { hostIp: str(v.host_ip) ?? '', hostPort, containerPort, protocol };
  }
  const text = str(v);
  if (text === undefined) return undefined;
  const [body = '', proto = 'tcp'] = text.split('/');
  let hostIp = '';
  let rest = body;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(body);
  if (v6) [, hostIp = '', rest = ''] = v6;
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) hostIp = parts.shift() ?? '';
  const first = (s: string | undefined) => num(s?.split('-')[0]);
  const containerPort = first(parts[parts.length - 1]);
  if (containerPort === undefined) return undefined;
  const hostPort = parts.length > 1 ? first(parts[0]) : undefined;
  return { hostIp, hostPort, containerPort, protocol: proto === 'udp' ? 'udp' : proto === 'sctp' ? 'sctp' : 'tcp' };
}

function restartOf(service: Obj): AuditInput['restartPolicy'] {
  const restart = str(service.restart);
  if (restart !== undefined) {
    const [name = 'no', count] = restart.split(':');
    return { name, maximumRetryCount: num(count) ?? 0 };
  }
  const deploy = isObj(service.deploy) && isObj(service.deploy.restart_policy) ? service.deploy.restart_policy : undefined;
  if (!deploy) return undefined;
  const condition = str(deploy.condition) ?? 'any';
  if (condition === 'none') return { name: 'no' };
  return { name: condition === 'any' ? 'always' : 'on-failure', maximumRetryCount: num(deploy.max_attempts) ?? 0 };
}

/** The normalized config of a compose service (the service's mapping as parsed from YAML). */
export function auditInputFromCompose(service: unknown): AuditInput {
  const s = isObj(service) ? service : {};
  const limits = isObj(s.deploy) && isObj(s.deploy.resources) && isObj(s.deploy.resources.limits) ? s.deploy.resources.limits : {};
  const hc = isObj(s.healthcheck) ? s.healthcheck : undefined;
  const hcTest = hc ? (Array.isArray(hc.test) ? strings(hc.test) : str(hc.test) ? [str(hc.test) ?? ''] : []) : [];
  return {
    privileged: s.privileged === true,
    networkMode: str(s.network_mode),
    pidMode: str(s.pid),
    ipcMode: str(s.ipc),
    utsMode: str(s.uts),
    mounts: (Array.isArray(s.volumes) ? s.volumes : []).map(mountOf).filter((m): m is AuditMount => m !== undefined),
    capAdd: strings(s.cap_add),
    capDrop: strings(s.cap_drop),
    securityOpt: strings(s.security_opt),
    memory: bytes(s.mem_limit) ?? bytes(limits.memory) ?? 0,
    cpus: num(s.cpus) ?? num(limits.cpus) ?? 0,
    pidsLimit: num(s.pids_limit) ?? num(limits.pids) ?? 0,
    user: str(s.user),
    healthcheck: hc === undefined ? undefined : hc.disable === true || hcTest[0] === 'NONE' ? 'disabled' : 'set',
    readOnlyRootfs: s.read_only === true,
    ports: (Array.isArray(s.ports) ? s.ports : []).map(composePort).filter((p): p is AuditPort => p !== undefined),
    restartPolicy: restartOf(s),
    devices: (Array.isArray(s.devices) ? s.devices : []).map((d) => (isObj(d) ? str(d.source) : str(d)?.split(':')[0]) ?? '').filter(Boolean),
  };
}
