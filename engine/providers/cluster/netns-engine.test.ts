import { describe, expect, it } from 'vitest';
import { isEngineArgs } from '../engine-process';
import { netnsEngineArgv, nodeLayout } from './netns-engine';

describe('netns engine argv', () => {
  const layout = nodeLayout('/data/cluster/node2');
  const argv = netnsEngineArgv({ dir: '/data/cluster/node2', netns: 'berth-abc123-node2', hostname: 'berth-node2', bip: '172.30.2.1/24' }, '/usr/sbin/dockerd', layout);

  it('enters the namespace with nsenter (not ip netns exec), in its own UTS namespace, and execs dockerd', () => {
    expect(argv.slice(0, 4)).toEqual(['--net=/var/run/netns/berth-abc123-node2', 'unshare', '--uts', '/bin/sh']);
    expect(argv[5]).toContain('exec "$@"');
    expect(argv[6]).toBe('berth-node2');
    expect(argv[7]).toBe('/usr/sbin/dockerd');
  });

  it('gives the node its own paths and bridge address, so Berth recognises it as its engine on that data root', () => {
    expect(argv).toEqual(expect.arrayContaining(['--data-root', layout.dataRoot, '--pidfile', layout.pidFile, '--bip', '172.30.2.1/24']));
    expect(layout.dataRoot.startsWith('/data/cluster/node2/')).toBe(true);
    // What /proc/PID/cmdline shows once the shell has exec'd dockerd.
    expect(isEngineArgs(argv.slice(7), layout.dataRoot)).toBe(true);
  });
});
