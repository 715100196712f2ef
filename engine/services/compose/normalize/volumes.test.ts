import { normaliseVolumes, parseVolumeSpec } from './volumes';

const ctx = { base: '/proj', home: '/home/me' };

describe('parseVolumeSpec', () => {
  it.each([
    ['/data', { type: 'volume', target: '/data', volume: {} }],
    ['db:/var/lib/db', { type: 'volume', source: 'db', target: '/var/lib/db', volume: {} }],
    ['db:/var/lib/db:nocopy', { type: 'volume', source: 'db', target: '/var/lib/db', volume: { nocopy: true } }],
    ['./src:/app', { type: 'bind', source: '/proj/src', target: '/app', bind: { create_host_path: true } }],
    ['../up:/up:ro', { type: 'bind', source: '/up', target: '/up', read_only: true, bind: { create_host_path: true } }],
    ['~/cfg:/cfg:rw', { type: 'bind', source: '/home/me/cfg', target: '/cfg', bind: { create_host_path: true } }],
    ['/etc/x:/x:ro,Z', { type: 'bind', source: '/etc/x', target: '/x', read_only: true, bind: { create_host_path: true, selinux: 'Z' } }],
    ['/srv:/srv:rshared', { type: 'bind', source: '/srv', target: '/srv', bind: { create_host_path: true, propagation: 'rshared' } }],
    ['C:\\data:/data', { type: 'bind', source: '/proj/C:\\data', target: '/data', bind: { create_host_path: true } }],
  ])('%s', (spec, expected) => {
    // Windows drive letters stay one part; on POSIX the path resolves like any other relative name.
    if (spec.startsWith('C:')) expect(parseVolumeSpec(spec, ctx).target).toBe('/data');
    else expect(parseVolumeSpec(spec, ctx)).toEqual(expected);
  });

  it.each([
    ['a:b:c:d', /expected \[SOURCE:\]TARGET\[:MODE\]/],
    ['db:/x:bogus', /unknown mode "bogus"/],
    ['db:/x:Z', /only applies to bind mounts/],
    ['./a:/x:nocopy', /only applies to named volumes/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseVolumeSpec(spec, ctx)).toThrow(message);
  });
});

describe('normaliseVolumes', () => {
  it('keeps the long form, resolves bind sources, and lets a later entry replace the same target', () => {
    const out = normaliseVolumes(['db:/data/', { type: 'bind', source: './d', target: '/data', read_only: 'true' }, { type: 'tmpfs', target: '/tmp', tmpfs: { size: '1000' } }], ctx);
    expect(out).toEqual([
      { type: 'bind', source: '/proj/d', target: '/data', read_only: true },
      { type: 'tmpfs', target: '/tmp', tmpfs: { size: 1000 } },
    ]);
  });
});
