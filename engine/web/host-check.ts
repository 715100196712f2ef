import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and the name localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = stripBrackets(host).toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isWildcardHost(host: string): boolean {
  const h = stripBrackets(host);
  return h === '0.0.0.0' || h === '::';
}

/** host:port as it appears in a URL or a Host header (IPv6 literals in brackets). */
export function formatHostPort(host: string, port: number): string {
  const h = stripBrackets(host);
  return `${isIP(h) === 6 ? `[${h}]` : h}:${port}`;
}

export interface HostAllowlistInput {
  bindHost: string;
  port: number;
  /** Addresses of this machine, used only for wildcard binds (injectable for tests). */
  interfaceAddresses?: string[];
  machineName?: string;
}

/**
 * The Host header values this server answers to: the DNS-rebinding defence. A page on evil.example that
 * rebinds its name to 127.0.0.1 still sends `Host: evil.example`, so it is refused.
 * - loopback bind: 127.0.0.1, localhost and [::1] on our port (all reach the same socket family in practice);
 * - wildcard bind (0.0.0.0 / ::): loopback names plus every address of this machine and its host name,
 *   since "the configured host" is not a name anyone can type;
 * - any other bind: exactly that host on our port.
 */
export function allowedHostHeaders(input: HostAllowlistInput): Set<string> {
  const { bindHost, port } = input;
  const hosts = new Set<string>();
  if (isLoopbackHost(bindHost) || isWildcardHost(bindHost)) {
    for (const h of [bindHost, '127.0.0.1', 'localhost', '::1']) hosts.add(h);
  } else {
    hosts.add(bindHost);
  }
  if (isWildcardHost(bindHost)) {
    for (const a of input.interfaceAddresses ?? machineAddresses()) hosts.add(a);
    hosts.add(input.machineName ?? hostname());
  }
  const out = new Set<string>();
  for (const h of hosts) {
    if (isWildcardHost(h)) continue;
    out.add(formatHostPort(h, port).toLowerCase());
    // Browsers omit the default port from the Host header.
    if (port === 80) out.add(formatHostPort(h, port).toLowerCase().replace(/:80$/, ''));
  }
  return out;
}

/** Normalises a Host header for comparison; undefined when it is missing or malformed. */
export function normalizeHostHeader(header: string | undefined): string | undefined {
  if (!header || header.length > 300) return undefined;
  const h = header.trim().toLowerCase();
  return /^[a-z0-9.\-[\]:]+$/.test(h) ? h : undefined;
}

/** The host to put in URLs we print: a wildcard bind is reached through loopback on this machine. */
export function displayHost(bindHost: string): string {
  const h = stripBrackets(bindHost);
  if (h === '0.0.0.0') return '127.0.0.1';
  if (h === '::') return '::1';
  return h;
}

function machineAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) out.push(info.address.replace(/%.*$/, ''));
  }
  return out;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
