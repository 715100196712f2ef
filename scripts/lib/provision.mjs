// Makes sure the machine has what `npm test` needs: a real dockerd, busybox for locally made images, Chromium
// for e2e, a registry (and openssl for its test certificates), docker-compose (the reference implementation),
// and rootless prerequisites.
// As root on Debian/Ubuntu it installs what is missing with apt-get; otherwise it says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each requirement: how to detect it, and the Debian package that provides it. */
export const requirements = [
  { what: 'dockerd', path: ['/usr/sbin/dockerd', '/usr/bin/dockerd'], pkg: 'docker.io' },
  { what: 'busybox (static)', path: ['/bin/busybox', '/usr/bin/busybox'], pkg: 'busybox-static', check: isStaticBusybox },
  { what: 'chromium', path: ['/usr/bin/chromium'], pkg: 'chromium' },
  { what: 'docker-registry', path: ['/usr/bin/docker-registry'], pkg: 'docker-registry' },
  { what: 'docker-compose', path: ['/usr/bin/docker-compose'], pkg: 'docker-compose' },
  { what: 'rootlesskit', path: ['/usr/bin/rootlesskit'], pkg: 'rootlesskit' },
  { what: 'slirp4netns', path: ['/usr/bin/slirp4netns'], pkg: 'slirp4netns' },
  { what: 'newuidmap', path: ['/usr/bin/newuidmap'], pkg: 'uidmap' },
  { what: 'ip', path: ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'], pkg: 'iproute2' },
  { what: 'iptables', path: ['/usr/sbin/iptables', '/sbin/iptables'], pkg: 'iptables' },
  // The local cluster's nodes: nsenter joins a node's network namespace, unshare gives it its own hostname.
  { what: 'nsenter', path: ['/usr/bin/nsenter', '/bin/nsenter'], pkg: 'util-linux' },
  { what: 'unshare', path: ['/usr/bin/unshare', '/bin/unshare'], pkg: 'util-linux' },
  { what: 'tar', path: ['/usr/bin/tar', '/bin/tar'], pkg: 'tar' },
  { what: 'openssl', path: ['/usr/bin/openssl'], pkg: 'openssl' },
];

function isStaticBusybox(path) {
  const out = spawnSync('file', ['-L', path], { encoding: 'utf8' });
  // `file` may be missing on minimal machines; busybox-static is then checked by running it with no libc.
  if (out.status !== 0) return true;
  return /statically linked|static-pie/.test(out.stdout);
}

export function missingRequirements() {
  return requirements.filter((r) => {
    const found = r.path.find((p) => existsSync(p));
    return !found || (r.check && !r.check(found));
  });
}

export function provision(log = console.log) {
  const missing = missingRequirements();
  if (missing.length === 0) return { installed: [] };
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    const why = missing.map((m) => m.what).join(', ');
    throw new Error(
      `npm test needs ${why}. Install them (Debian/Ubuntu): sudo apt-get install -y ${pkgs.join(' ')}`,
    );
  }
  log(`provision: installing ${pkgs.join(' ')} with apt-get (missing: ${missing.map((m) => m.what).join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', ...pkgs], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  const still = missingRequirements();
  if (still.length) throw new Error(`still missing after apt-get install: ${still.map((m) => m.what).join(', ')}`);
  return { installed: pkgs };
}
