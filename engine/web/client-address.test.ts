import { describe, expect, it } from 'vitest';
import { clientAddress, NO_TRUSTED_PROXIES, parseTrustedProxies } from './client-address';

describe('--trusted-proxy parsing', () => {
  it('takes exact IPv4/IPv6 addresses and CIDR ranges, comma-separated', () => {
    const t = parseTrustedProxies(' 10.0.0.5, 192.168.0.0/16,fd00::/8 ,::1');
    expect(t.entries).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8', '::1']);
    expect(t.has('10.0.0.5')).toBe(true);
    expect(t.has('10.0.0.6')).toBe(false);
    expect(t.has('192.168.44.1')).toBe(true);
    expect(t.has('192.169.0.1')).toBe(false);
    expect(t.has('fd12::7')).toBe(true);
    expect(t.has('::1')).toBe(true);
    // An IPv4 peer on a dual-stack socket is the IPv4 address.
    expect(t.has('::ffff:10.0.0.5')).toBe(true);
    expect(t.has('not an ip')).toBe(false);
  });

  it('refuses what is not an address or range, naming the entry', () => {
    expect(() => parseTrustedProxies('')).toThrow(/at least one/);
    expect(() => parseTrustedProxies('10.0.0.1,proxy.example')).toThrow(
      /"proxy.example" is not an IP address/,
    );
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix length outside 0-32/);
    expect(() => parseTrustedProxies('::/129')).toThrow(/outside 0-128/);
    expect(() => parseTrustedProxies('10.0.0.0/8/8')).toThrow(/not an IP address or CIDR/);
    expect(() => parseTrustedProxies('10.0.0.0/x')).toThrow(/prefix length/);
  });
});

describe('client address', () => {
  const proxies = parseTrustedProxies('10.0.0.5,10.1.0.0/16');

  it('is the TCP peer when nothing is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.1', '1.2.3.4', NO_TRUSTED_PROXIES)).toBe('203.0.113.1');
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4', NO_TRUSTED_PROXIES)).toBe('127.0.0.1');
  });

  it('is the TCP peer when the peer is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.1', '1.2.3.4', proxies)).toBe('203.0.113.1');
  });

  it('behind a trusted proxy: the right-most untrusted entry; spoofed entries left of it are ignored', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6, 10.0.0.5" itself; the proxy appended what it saw.
    expect(clientAddress('10.0.0.5', '6.6.6.6, 10.0.0.5, 198.51.100.7', proxies)).toBe('198.51.100.7');
    // Two trusted hops (an edge proxy in 10.1/16 forwarding to 10.0.0.5).
    expect(clientAddress('10.0.0.5', '6.6.6.6, 198.51.100.7, 10.1.2.3', proxies)).toBe('198.51.100.7');
    // Repeated headers arrive as one list.
    expect(clientAddress('10.0.0.5', ['6.6.6.6', '198.51.100.7'], proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.5', '2001:db8::9', proxies)).toBe('2001:db8::9');
  });

  it('without the header, or with garbage at the walk, stays at the last trusted hop', () => {
    expect(clientAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'evil, not-an-ip', proxies)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'not-an-ip, 10.1.0.9', proxies)).toBe('10.1.0.9');
    // All hops trusted: the left-most of them is as far as Berth can see.
    expect(clientAddress('10.0.0.5', '10.1.0.1, 10.1.0.2', proxies)).toBe('10.1.0.1');
  });
});
