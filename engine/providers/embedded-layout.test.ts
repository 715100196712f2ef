import { describe, expect, it } from 'vitest';
import { defaultDataDir, engineLayout } from './embedded-layout';

describe('defaultDataDir', () => {
  it('BERTH_DATA_DIR wins on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir(platform, { BERTH_DATA_DIR: '/srv/berth' }, '/home/ada')).toBe('/srv/berth');
    }
  });

  it('follows each platform’s app-data convention', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.local/share/berth');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/ada' }, '/home/ada')).toBe('/data/ada/berth');
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Berth');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Berth',
    );
  });
});

describe('engineLayout', () => {
  it('keeps everything under <dataDir>/engine when the socket path is short enough', () => {
    expect(engineLayout('/tmp/b', {}, 0)).toEqual({
      engineDir: '/tmp/b/engine',
      dataRoot: '/tmp/b/engine/data-root',
      execRoot: '/tmp/b/engine/exec-root',
      pidFile: '/tmp/b/engine/dockerd.pid',
      launcherPidFile: '/tmp/b/engine/launcher.pid',
      logFile: '/tmp/b/engine/dockerd.log',
      socketPath: '/tmp/b/engine/docker.sock',
    });
  });

  it('moves a too-long socket to a short per-user dir, stable and distinct per data dir', () => {
    const deep = `/home/ada/${'x'.repeat(90)}`;
    const a = engineLayout(deep, { XDG_RUNTIME_DIR: '/run/user/1000' }, 1000).socketPath;
    expect(a).toMatch(/^\/run\/user\/1000\/berth\/docker-[0-9a-f]{12}\.sock$/);
    expect(engineLayout(deep, { XDG_RUNTIME_DIR: '/run/user/1000' }, 1000).socketPath).toBe(a);
    expect(engineLayout(`${deep}y`, { XDG_RUNTIME_DIR: '/run/user/1000' }, 1000).socketPath).not.toBe(a);
    expect(engineLayout(deep, {}, 1000).socketPath).toMatch(/^\/tmp\/berth-1000\/docker-[0-9a-f]{12}\.sock$/);
  });
});
