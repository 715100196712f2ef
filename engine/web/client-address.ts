import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * Which TCP peers are reverse proxies whose X-Forwarded-For Berth believes (`berth web --trusted-proxy`): exact
 * IPv4/IPv6 addresses or CIDR ranges. Empty (the default): the header is never read.
 */
export interface TrustedProxies {
  /** Is this address one of the trusted proxies? */
  has(address: string): boolean;
  /** As given, for messages. */
  readonly entries: readonly string[];
}

export const NO_TRUSTED_PROXIES: TrustedProxies = { has: () => false, entries: [] };

/** "10.0.0.1, 192.168.0.0/16, ::1" → a set; anything else throws with the entry that is wrong. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('--trusted-proxy needs at least one IP address or CIDR range.');
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) {
      throw new Error(
        `--trusted-proxy: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8).`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) {
      throw new Error(
        `--trusted-proxy: "${entry}" has a prefix length outside 0-${family === 4 ? 32 : 128}.`,
      );
    }
    list.addSubnet(address, bits, type);
  }
  return { has: (a) => checks(list, a), entries };
}

/** An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; it is the IPv4 address. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

function checks(list: BlockList, address: string): boolean {
  const a = plainAddress(address);
  const family = isIP(a);
  return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy. Then X-Forwarded-For is read from the
 * right (each proxy appends the address it saw): the first entry that is not itself a trusted proxy is the
 * client. Entries left of it are whatever the client sent and are never believed. A malformed entry stops the
 * walk at the last trusted hop, which is then the client as far as Berth can tell.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = plainAddress(peer);
  if (!trusted.has(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress((hops[i] ?? '').trim());
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.has(hop)) return client;
  }
  return client;
}

const clients = new WeakMap<FastifyRequest, string>();

/** Called by the guard first thing for every request: works out and remembers its client address. */
export function rememberClient(req: FastifyRequest, trusted: TrustedProxies): string {
  const client = clientAddress(req.socket.remoteAddress ?? req.ip, req.headers['x-forwarded-for'], trusted);
  clients.set(req, client);
  return client;
}

/** The request's client address as the guard worked it out: what throttling and the audit log use. */
export const clientOf = (req: FastifyRequest): string => clients.get(req) ?? plainAddress(req.ip);
