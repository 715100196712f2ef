import { isIPv4, isIPv6 } from 'node:net';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

export function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  if (isIPv4(text)) {
    return { family: 4, value: text.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n) };
  }
  if (!isIPv6(text) || text.includes('.') || text.includes('%')) return undefined;
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return { family: 6, value: groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n) };
}

function format(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

const invalid = (field: string, message: string, value: string) =>
  new BerthError(ErrorCode.INVALID_ARGUMENT, message, { field, value });

/** "10.1.0.0/16" → Cidr; refuses bad syntax and host bits set (the engine would refuse them too, less clearly). */
export function parseCidr(text: string, field = 'subnet'): Cidr {
  const [addr = '', prefixText, extra] = text.trim().split('/');
  const parsed = parseAddress(addr);
  const prefix = prefixText !== undefined && /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!parsed || extra !== undefined || !Number.isInteger(prefix) || prefix > bits(parsed?.family ?? 4)) {
    throw invalid(field, `"${text}" is not a valid ${field === 'ipRange' ? 'IP range' : 'subnet'}; write it in CIDR form such as 172.30.0.0/16.`, text);
  }
  const hostBits = BigInt(bits(parsed.family) - prefix);
  const base = (parsed.value >> hostBits) << hostBits;
  if (base !== parsed.value) {
    throw invalid(field, `"${text}" has host bits set; did you mean ${format(parsed.family, base)}/${prefix}?`, text);
  }
  return { family: parsed.family, base, prefix };
}

export function contains(outer: Cidr, family: 4 | 6, value: bigint, prefix = bits(family)): boolean {
  if (outer.family !== family || prefix < outer.prefix) return false;
  const hostBits = BigInt(bits(family) - outer.prefix);
  return value >> hostBits === outer.base >> hostBits;
}

/** Checks subnet, gateway and IP range together, with a message per mistake. */
export function checkIpam(input: { subnet?: string | undefined; gateway?: string | undefined; ipRange?: string | undefined }): void {
  const { subnet, gateway, ipRange } = input;
  if (!subnet) {
    if (gateway || ipRange) {
      throw invalid(gateway ? 'gateway' : 'ipRange', 'A gateway or IP range needs a subnet; enter the subnet too.', gateway ?? ipRange ?? '');
    }
    return;
  }
  const net = parseCidr(subnet);
  if (gateway) {
    const gw = parseAddress(gateway.trim());
    if (!gw) throw invalid('gateway', `"${gateway}" is not a valid IP address.`, gateway);
    if (!contains(net, gw.family, gw.value)) {
      throw invalid('gateway', `The gateway ${gateway} is not inside the subnet ${subnet}.`, gateway);
    }
  }
  if (ipRange) {
    const range = parseCidr(ipRange, 'ipRange');
    if (!contains(net, range.family, range.base, range.prefix)) {
      throw invalid('ipRange', `The IP range ${ipRange} is not inside the subnet ${subnet}.`, ipRange);
    }
  }
}

/** For networks.connect: a static address must be an address (the engine checks it is in the subnet). */
export function checkAddress(text: string, field: string): void {
  if (!parseAddress(text.trim())) throw invalid(field, `"${text}" is not a valid IP address.`, text);
}
