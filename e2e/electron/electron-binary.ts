import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ELECTRON_MISSING_MESSAGE =
  "Electron's binary is not installed on this machine; the Electron smoke test was not run " +
  '(web-mode e2e covers the same UI)';

/**
 * The path of Electron's binary, or undefined when it is not installed. `require('electron')` in plain Node
 * returns that path, but throws when the binary was never downloaded (our build machines cannot download
 * it); it runs in a child process so a throw there cannot disturb the test runner, and the path must exist.
 */
export function electronBinary(cwd: string = process.cwd()): string | undefined {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd,
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path !== '' && existsSync(path) ? path : undefined;
}
