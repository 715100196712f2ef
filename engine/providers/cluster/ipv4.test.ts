import { describe, expect, it } from 'vitest';
import { hostAddress, overlaps, parseUsedPrefixes, toDotted, toInt } from './ipv4';

describe('ipv4', () => {
  it('converts both ways and finds host addresses of a /24', () => {
    expect(toDotted(toInt('10.203.17.9'))).toBe('10.203.17.9');
    expect(hostAddress('10.203.17.0/24', 2)).toBe('10.203.17.2');
  });

  it('detects overlapping prefixes and not disjoint ones', () => {
    expect(overlaps('10.200.0.0/13', '10.203.17.0/24')).toBe(true);
    expect(overlaps('10.203.17.0/24', '10.203.18.0/24')).toBe(false);
    expect(overlaps('172.17.0.1/16', '172.17.5.0/24')).toBe(true);
  });

  it('reads routes and addresses the host uses, skipping the default route', () => {
    const routes = 'default via 192.168.1.1 dev eth0\n10.200.4.0/24 dev bth1 proto kernel\nlocal 127.0.0.1 dev lo table local';
    const addrs = '2: eth0    inet 192.168.1.20/24 brd 192.168.1.255 scope global eth0';
    expect(parseUsedPrefixes(routes, addrs).sort()).toEqual(['10.200.4.0/24', '127.0.0.1/32', '192.168.1.20/24']);
  });
});
