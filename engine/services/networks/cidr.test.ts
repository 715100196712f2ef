import { describe, expect, it } from 'vitest';
import { checkIpam, parseCidr } from './cidr';

describe('network address checks', () => {
  it('parses IPv4 and IPv6 subnets', () => {
    expect(parseCidr('10.1.0.0/16')).toMatchObject({ family: 4, prefix: 16 });
    expect(parseCidr('fd00:1::/64')).toMatchObject({ family: 6, prefix: 64 });
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ prefix: 0 });
  });

  it.each(['10.1.0.0', '10.1.0.0/33', '10.1.0/16', 'abc/8', '10.1.0.0/16/2', 'fd00::/129'])('refuses subnet %j', (s) => {
    expect(() => parseCidr(s)).toThrow(/is not a valid subnet/);
  });

  it('suggests the network address when host bits are set', () => {
    expect(() => parseCidr('192.168.1.77/24')).toThrow('"192.168.1.77/24" has host bits set; did you mean 192.168.1.0/24?');
    expect(() => parseCidr('fd00::1/64')).toThrow('did you mean fd00::/64?');
  });

  it('checks gateway and range against the subnet', () => {
    expect(() => checkIpam({ subnet: '10.0.0.0/8', gateway: '10.255.255.254', ipRange: '10.9.0.0/16' })).not.toThrow();
    expect(() => checkIpam({ subnet: '10.0.0.0/8', gateway: '11.0.0.1' })).toThrow('The gateway 11.0.0.1 is not inside the subnet 10.0.0.0/8.');
    expect(() => checkIpam({ subnet: '10.0.0.0/16', ipRange: '10.0.0.0/8' })).toThrow(/is not inside the subnet/);
    expect(() => checkIpam({ subnet: '10.0.0.0/16', gateway: 'fd00::1' })).toThrow(/is not inside the subnet/);
    expect(() => checkIpam({ subnet: 'fd00::/64', gateway: 'fd00::1' })).not.toThrow();
    expect(() => checkIpam({ subnet: '10.0.0.0/16', gateway: 'router' })).toThrow('"router" is not a valid IP address.');
    expect(() => checkIpam({ ipRange: '10.0.0.0/24' })).toThrow(/needs a subnet/);
    expect(() => checkIpam({})).not.toThrow();
  });
});
