/** IPv4 prefix arithmetic for picking a cluster subnet nothing on the host uses. Pure, so unit-tested. */

/** Dotted IPv4 → 32-bit unsigned number. */
export function toInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

export function toDotted(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

function range(cidr: string): [number, number] {
  const [ip = '0.0.0.0', bits = '32'] = cidr.split('/');
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const start = (toInt(ip) & mask) >>> 0;
  return [start, (start | (~mask >>> 0)) >>> 0];
}

export function overlaps(a: string, b: string): boolean {
  const [aStart, aEnd] = range(a);
  const [bStart, bEnd] = range(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** The `n`-th host address of a /24 given as "a.b.c.0/24" (n = 1 is the gateway). */
export function hostAddress(subnet: string, n: number): string {
  const [start] = range(subnet);
  return toDotted(start + n);
}

/** Prefixes from `ip -4 -o route show table all` and `ip -4 -o addr show` output. */
export function parseUsedPrefixes(routes: string, addrs: string): string[] {
  const found = new Set<string>();
  for (const m of routes.matchAll(/^(?:\S+\s+)?(\d+\.\d+\.\d+\.\d+(?:\/\d+)?)/gm))
    found.add(m[1]?.includes('/') ? m[1] : `${m[1]}/32`);
  for (const m of addrs.matchAll(/inet (\d+\.\d+\.\d+\.\d+\/\d+)/g)) if (m[1]) found.add(m[1]);
  return [...found].filter((p) => !p.startsWith('0.0.0.0/0'));
}
