// Whether Electron can actually run here. Its npm package installs fine even when the binary download was
// blocked (see ENVIRONMENT.md), so "installed" is not enough: the binary must exist and, on Linux, a display.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './paths.mjs';

/**
 * { usable: true, binary } or { usable: false, reason } (reason completes "…; starting web mode").
 * The binary's path is read the way electron/index.js does, without requiring it: since Electron 45, requiring
 * the package starts a download of the binary when it is missing, which would hang or fail offline.
 */
export function electronAvailability({
  env = process.env,
  platform = process.platform,
  requireFrom = root,
} = {}) {
  const require = createRequire(join(requireFrom, 'package.json'));
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron'));
  } catch {
    return { usable: false, reason: 'Electron is not installed' };
  }
  const binary = electronBinaryPath(packageDir, env);
  if (!binary || !existsSync(binary)) {
    const fetch = `node ${join(packageDir, 'install.js')}`;
    return { usable: false, reason: `Electron's binary is not installed (\`${fetch}\` fetches it)` };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { usable: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  return { usable: true, binary };
}

function electronBinaryPath(packageDir, env) {
  let relativePath;
  try {
    relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relativePath = undefined;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron');
  return relativePath ? join(packageDir, 'dist', relativePath) : undefined;
}
