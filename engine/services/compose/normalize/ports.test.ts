import { normalisePorts, parsePortSpec } from './ports';

describe('parsePortSpec', () => {
  it.each([
    ['80', [{ mode: 'ingress', target: 80, protocol: 'tcp' }]],
    [8080, [{ mode: 'ingress', target: 8080, protocol: 'tcp' }]],
    ['8000:80', [{ mode: 'ingress', target: 80, published: '8000', protocol: 'tcp' }]],
    ['53:53/udp', [{ mode: 'ingress', target: 53, published: '53', protocol: 'udp' }]],
    ['127.0.0.1:8000:80', [{ mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8000', protocol: 'tcp' }]],
    ['127.0.0.1::80', [{ mode: 'ingress', host_ip: '127.0.0.1', target: 80, protocol: 'tcp' }]],
    ['[::1]:8000:80', [{ mode: 'ingress', host_ip: '::1', target: 80, published: '8000', protocol: 'tcp' }]],
    ['8000-8010:80', [{ mode: 'ingress', target: 80, published: '8000-8010', protocol: 'tcp' }]],
    [
      '9000-9001:9000-9001/udp',
      [
        { mode: 'ingress', target: 9000, published: '9000', protocol: 'udp' },
        { mode: 'ingress', target: 9001, published: '9001', protocol: 'udp' },
      ],
    ],
    [
      '3000-3001',
      [
        { mode: 'ingress', target: 3000, protocol: 'tcp' },
        { mode: 'ingress', target: 3001, protocol: 'tcp' },
      ],
    ],
  ])('%j', (spec, expected) => {
    expect(parsePortSpec(spec)).toEqual(expected);
  });

  it.each([
    ['80:80:80:80', /invalid port "80:80:80:80"/],
    ['80/http', /unknown protocol "http"/],
    ['abc', /not a port/],
    ['70000', /between 1 and 65535/],
    ['8000-8002:80-81', /different sizes/],
    ['90-80', /ends before it starts/],
    ['8000:', /no container port/],
  ])('rejects %s', (spec, message) => {
    expect(() => parsePortSpec(spec)).toThrow(message);
  });
});

describe('normalisePorts', () => {
  it('fills long-form defaults, converts interpolated strings, de-duplicates and locates errors', () => {
    expect(normalisePorts([{ target: '80', published: 8080 }, '8080:80'])).toEqual([{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }]);
    expect(() => normalisePorts(['80', '1:2:3:4'])).toThrow(expect.objectContaining({ path: [1] }));
  });
});
