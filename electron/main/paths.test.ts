import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconPath, preloadPath, rendererDir, resolveDataDir, type AppLocations } from './paths';

const dev: AppLocations = {
  appPath: '/src/berth',
  packaged: false,
  resourcesPath: '/usr/lib/electron/resources',
};
const packaged: AppLocations = {
  appPath: '/opt/Berth/resources/app.asar',
  packaged: true,
  resourcesPath: '/opt/Berth/resources',
};

describe('paths', () => {
  it('finds the bundled preload and renderer under dist/ of the app path', () => {
    expect(preloadPath(packaged)).toBe('/opt/Berth/resources/app.asar/dist/electron/preload.cjs');
    expect(rendererDir(dev)).toBe('/src/berth/dist/renderer');
  });

  it('reads icons from extraResources when packaged and from assets/ otherwise', () => {
    expect(iconPath(packaged)).toBe('/opt/Berth/resources/icons/icon.png');
    expect(iconPath(dev, '32x32.png')).toBe('/src/berth/assets/icons/32x32.png');
  });

  it('prefers BERTH_DATA_DIR over the platform default', () => {
    const platformDefault = () => '/home/u/.local/share/berth';
    expect(resolveDataDir({ BERTH_DATA_DIR: '/tmp/run-1' }, platformDefault)).toBe('/tmp/run-1');
    expect(resolveDataDir({ BERTH_DATA_DIR: 'rel' }, platformDefault)).toBe(path.resolve('rel'));
    expect(resolveDataDir({ BERTH_DATA_DIR: '  ' }, platformDefault)).toBe('/home/u/.local/share/berth');
    expect(resolveDataDir({}, platformDefault)).toBe('/home/u/.local/share/berth');
  });
});
