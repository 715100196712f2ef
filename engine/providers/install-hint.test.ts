import { describe, expect, it } from 'vitest';
import { installHint, linuxFamily } from './install-hint';

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const fedora = 'NAME="Fedora Linux"\nID=fedora\n';

describe('installHint', () => {
  it('Debian/Ubuntu, rootful: apt-get install docker.io', () => {
    const hint = installHint('linux', ['dockerd'], debian);
    expect(hint).toMatchObject({ os: 'linux', missing: ['dockerd'] });
    expect(hint.commands).toEqual(['sudo apt-get update', 'sudo apt-get install -y docker.io']);
    expect(linuxFamily(ubuntu)).toBe('debian');
  });

  it('rootless adds rootlesskit, slirp4netns, uidmap and the subuid/subgid lines', () => {
    const hint = installHint('linux', ['rootlesskit', 'subuid'], ubuntu);
    expect(hint.commands[1]).toBe('sudo apt-get install -y docker.io rootlesskit slirp4netns uidmap');
    expect(hint.commands.filter((c) => c.includes('/etc/subuid'))).toHaveLength(1);
    expect(hint.commands.filter((c) => c.includes('/etc/subgid'))).toHaveLength(1);
  });

  it('Fedora uses dnf', () => {
    expect(installHint('linux', ['dockerd'], fedora).commands).toEqual(['sudo dnf install -y moby-engine']);
    expect(installHint('linux', ['slirp4netns'], fedora).commands[0]).toContain('dnf install -y moby-engine rootlesskit slirp4netns');
  });

  it('macOS suggests Lima, Windows WSL2', () => {
    expect(installHint('darwin', ['dockerd']).commands[0]).toBe('brew install lima');
    const win = installHint('win32', ['dockerd']);
    expect(win.os).toBe('win32');
    expect(win.commands[0]).toContain('wsl --install');
  });
});
