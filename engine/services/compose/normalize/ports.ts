import { type PortConfig } from '../model';
import { ComposeIssue } from '../problems';
import { isMapping } from '../merge';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

interface Range {
  start: number;
  end: number;
}

function parseRange(text: string, what: string, spec: string): Range {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (m === null) throw new ComposeIssue(`invalid port "${spec}": ${what} "${text}" is not a port or a port range`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 && what === 'container port') throw new ComposeIssue(`invalid port "${spec}": the container port must be between 1 and 65535`);
  if (start > 65535 || end > 65535) throw new ComposeIssue(`invalid port "${spec}": ports must be between 1 and 65535`);
  if (end < start) throw new ComposeIssue(`invalid port "${spec}": the range ${text} ends before it starts`);
  return { start, end };
}

/** Splits `[host_ip:][published:]target` where host_ip may be a bracketed IPv6 address. */
function splitSpec(rest: string, spec: string): { ip?: string; published?: string; target: string } {
  let ip: string | undefined;
  let body = rest;
  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close < 0 || body[close + 1] !== ':') throw new ComposeIssue(`invalid port "${spec}": bad IPv6 host address`);
    ip = body.slice(1, close);
    body = body.slice(close + 2);
    const parts = body.split(':');
    if (parts.length !== 2) throw new ComposeIssue(`invalid port "${spec}"`);
    return { ip, published: parts[0], target: parts[1] ?? '' };
  }
  const parts = body.split(':');
  if (parts.length === 1) return { target: parts[0] ?? '' };
  if (parts.length === 2) return { published: parts[0], target: parts[1] ?? '' };
  if (parts.length === 3) return { ip: parts[0], published: parts[1], target: parts[2] ?? '' };
  throw new ComposeIssue(`invalid port "${spec}": expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`);
}

/**
 * Short port syntax → compose's long form, one entry per container port as `docker compose config` prints it:
 * "127.0.0.1:8000-8001:80-81/udp" gives two entries. A host range with one container port stays one entry.
 */
export function parsePortSpec(raw: string | number): PortConfig[] {
  const spec = String(raw).trim();
  const slash = spec.lastIndexOf('/');
  const protocol = slash >= 0 ? spec.slice(slash + 1).toLowerCase() : 'tcp';
  if (!PROTOCOLS.has(protocol)) throw new ComposeIssue(`invalid port "${spec}": unknown protocol "${protocol}"`);
  const { ip, published, target } = splitSpec(slash >= 0 ? spec.slice(0, slash) : spec, spec);
  if (target === '') throw new ComposeIssue(`invalid port "${spec}": no container port`);
  const container = parseRange(target, 'container port', spec);
  const host = published === undefined || published === '' ? undefined : parseRange(published, 'host port', spec);
  const count = container.end - container.start;
  if (host && count !== 0 && host.end - host.start !== count) {
    throw new ComposeIssue(`invalid port "${spec}": the host and container port ranges have different sizes`);
  }
  const out: PortConfig[] = [];
  for (let i = 0; i <= count; i++) {
    const entry: PortConfig = { mode: 'ingress', target: container.start + i, protocol };
    if (ip !== undefined && ip !== '') entry.host_ip = ip;
    if (host) entry.published = count === 0 ? (host.start === host.end ? String(host.start) : `${host.start}-${host.end}`) : String(host.start + i);
    out.push(entry);
  }
  return out;
}

/** Long-form port entry: numbers from strings (interpolation yields strings), defaults filled in. */
export function normalisePortObject(raw: Record<string, unknown>): PortConfig {
  const target = Number(raw.target);
  if (!Number.isInteger(target) || target < 1 || target > 65535) {
    throw new ComposeIssue(`invalid port: target "${String(raw.target)}" must be a port between 1 and 65535`);
  }
  const out: PortConfig = { ...(raw as Partial<PortConfig>), mode: typeof raw.mode === 'string' ? raw.mode : 'ingress', target, protocol: typeof raw.protocol === 'string' ? raw.protocol : 'tcp' };
  if (raw.published !== undefined && raw.published !== null && raw.published !== '') {
    out.published = typeof raw.published === 'string' ? raw.published : JSON.stringify(raw.published);
    parseRange(out.published, 'host port', out.published);
  } else delete out.published;
  return out;
}

const PORT_KEYS = ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'];

function ordered(port: PortConfig): PortConfig {
  const rank = (k: string) => (PORT_KEYS.includes(k) ? PORT_KEYS.indexOf(k) : PORT_KEYS.length);
  return Object.fromEntries(Object.entries(port).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))) as unknown as PortConfig;
}

export function normalisePorts(value: unknown): PortConfig[] {
  if (!Array.isArray(value)) return [];
  const out: PortConfig[] = [];
  for (const [i, item] of value.entries()) {
    // One key order for every entry, so equal ports compare equal whichever syntax they came from.
    const entries = withIndex(i, () => (isMapping(item) ? [normalisePortObject(item)] : parsePortSpec(item as string | number)));
    for (const e of entries.map(ordered)) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(e))) out.push(e);
  }
  return out;
}

/** Re-throws an issue located at list item `i` (the caller prefixes the attribute's own path). */
export function withIndex<T>(i: number, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ComposeIssue) throw new ComposeIssue(err.message, [i, ...err.path]);
    throw err;
  }
}
