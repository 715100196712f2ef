import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { SystemInfo } from '../../contract';
import { gatherFacts, type HostFs } from './facts';

const info = { os: 'Debian GNU/Linux 12', dataRoot: '/var/lib/docker' } as SystemInfo;
const docker = (options: Record<string, string> | Error) =>
  ({
    getNetwork: () => ({
      inspect: () => (options instanceof Error ? Promise.reject(options) : Promise.resolve({ Options: options })),
    }),
  }) as unknown as Dockerode;
const fs = (devices: Record<string, number | NodeJS.ErrnoException>): HostFs => ({
  platform: 'linux',
  device: (p) => {
    const d = devices[p];
    return typeof d === 'number' ? Promise.resolve(d) : Promise.reject(d ?? new Error('missing'));
  },
  space: () => Promise.resolve({ freeBytes: 10, totalBytes: 100 }),
});

describe('gathering engine facts', () => {
  it('compares the data root device with /, and reads icc from the default bridge', async () => {
    const f = await gatherFacts(docker({ 'com.docker.network.bridge.enable_icc': 'false' }), { endpoint: 'unix:///run/docker.sock' }, info, fs({ '/': 1, '/var/lib/docker': 2 }));
    expect(f).toMatchObject({ local: true, icc: false, dataRoot: { sameFilesystemAsRoot: false, freeBytes: 10 } });
  });

  it('an unreadable data root is unknown with the reason; no default bridge leaves icc out', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const notFound = Object.assign(new Error('network bridge not found'), { statusCode: 404 });
    const f = await gatherFacts(docker(notFound), { endpoint: 'unix:///run/docker.sock' }, info, fs({ '/': 1, '/var/lib/docker': denied }));
    expect(f.dataRoot).toBeUndefined();
    expect(f.dataRootUnknownReason).toMatch(/could not read \/var\/lib\/docker on this machine \(EACCES\)/);
    expect('icc' in f).toBe(false);
  });

  it('a remote engine is never read on this machine', async () => {
    const f = await gatherFacts(docker({}), { endpoint: 'ssh://me@host' }, info, fs({}));
    expect(f.local).toBe(false);
    expect(f.dataRootUnknownReason).toMatch(/not on this machine \(ssh:\/\/\)/);
    expect(f.icc).toBe(true);
  });
});
