import type { InstallHint } from '../contract';

/** Binaries (or setup steps) the embedded engine needs, named the way install hints talk about them. */
export const ROOTLESS_PARTS = ['rootlesskit', 'slirp4netns', 'newuidmap', 'subuid'] as const;

type LinuxFamily = 'debian' | 'fedora' | 'unknown';

/** Reads ID / ID_LIKE from /etc/os-release text so the hint uses the package manager the user actually has. */
export function linuxFamily(osRelease: string | undefined): LinuxFamily {
  if (!osRelease) return 'unknown';
  const ids = osRelease
    .split('\n')
    .filter((l) => l.startsWith('ID=') || l.startsWith('ID_LIKE='))
    .flatMap((l) => l.slice(l.indexOf('=') + 1).replace(/"/g, '').split(/\s+/));
  if (ids.some((id) => ['debian', 'ubuntu'].includes(id))) return 'debian';
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'fedora';
  return 'unknown';
}

const subIdLines = [
  'grep -q "^$(id -un):" /etc/subuid || echo "$(id -un):100000:65536" | sudo tee -a /etc/subuid',
  'grep -q "^$(id -un):" /etc/subgid || echo "$(id -un):100000:65536" | sudo tee -a /etc/subgid',
];

/**
 * What a person should run to get a container engine Berth can start or use. `missing` lists what was not found
 * (e.g. ["dockerd"] or ["rootlesskit", "subuid"]); the commands are copyable as-is.
 */
export function installHint(platform: NodeJS.Platform, missing: string[], osRelease?: string): InstallHint {
  if (platform === 'darwin') {
    return {
      os: 'darwin',
      title: 'Install Lima to run the container engine in a lightweight Linux VM',
      missing,
      commands: ['brew install lima', 'limactl start --name=berth template://docker'],
      docsUrl: 'https://lima-vm.io/docs/installation/',
    };
  }
  if (platform === 'win32') {
    return {
      os: 'win32',
      title: 'Install WSL2 with a Debian distribution, then Docker Engine inside it',
      missing,
      commands: [
        'wsl --install -d Debian',
        'wsl -d Debian -u root -- sh -c "apt-get update && apt-get install -y docker.io"',
      ],
      docsUrl: 'https://learn.microsoft.com/windows/wsl/install',
    };
  }
  if (platform !== 'linux') {
    return { os: 'other', title: 'Install Docker Engine for your system', missing, commands: [], docsUrl: 'https://docs.docker.com/engine/install/' };
  }
  const family = linuxFamily(osRelease);
  const rootless = missing.some((m) => (ROOTLESS_PARTS as readonly string[]).includes(m));
  const pkgs = ['docker.io', ...(rootless ? ['rootlesskit', 'slirp4netns', 'uidmap'] : [])];
  const install =
    family === 'fedora'
      ? `sudo dnf install -y ${['moby-engine', ...(rootless ? ['rootlesskit', 'slirp4netns', 'shadow-utils'] : [])].join(' ')}`
      : `sudo apt-get install -y ${pkgs.join(' ')}`;
  const commands = family === 'fedora' ? [install] : ['sudo apt-get update', install];
  return {
    os: 'linux',
    title: rootless
      ? 'Install Docker Engine and the rootless tools so Berth can run its own engine without root'
      : 'Install Docker Engine so Berth can run its own engine',
    missing,
    commands: rootless ? [...commands, ...subIdLines] : commands,
    docsUrl: rootless ? 'https://docs.docker.com/engine/security/rootless/' : 'https://docs.docker.com/engine/install/',
  };
}
