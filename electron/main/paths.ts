import path from 'node:path';

/**
 * Where the shell's files live. `appPath` is app.getAppPath(): the project root when unpackaged, the asar root
 * when packaged; both hold dist/ (see electron-builder.yml `files`). Kept free of Electron so it is testable.
 */
export interface AppLocations {
  appPath: string;
  packaged: boolean;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
}

export const preloadPath = ({ appPath }: AppLocations): string =>
  path.join(appPath, 'dist', 'electron', 'preload.cjs');

export const rendererDir = ({ appPath }: AppLocations): string => path.join(appPath, 'dist', 'renderer');

/**
 * Icons are extraResources in a package (an asar path is not readable by every OS icon API). `icon.png` is
 * the 1024 px window icon; the tray uses the small rendering, which downscales more cleanly.
 */
export const iconPath = (
  { appPath, packaged, resourcesPath }: AppLocations,
  file: 'icon.png' | '32x32.png' = 'icon.png',
): string =>
  packaged ? path.join(resourcesPath, 'icons', file) : path.join(appPath, 'assets', 'icons', file);

/** BERTH_DATA_DIR wins (tests and portable installs); otherwise the platform's app-data folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv, platformDefault: () => string): string {
  const fromEnv = env.BERTH_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : platformDefault();
}
