import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserCommand {
  command: string;
  args: string[];
}

/**
 * How to open a URL in the user's browser, or undefined when there is none to open. On Linux without a
 * display, xdg-open would fall back to a text browser and take over the terminal Berth is printing to.
 */
export function browserCommand(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  url: string,
  exists: (command: string) => boolean = (c) => onPath(c, env),
): BrowserCommand | undefined {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // The empty title argument stops `start` from reading the URL as a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return exists('xdg-open') ? { command: 'xdg-open', args: [url] } : undefined;
}

/** Opens the URL detached; every failure is ignored because the URL is printed anyway. Returns whether it tried. */
export function openBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env = process.env,
): boolean {
  const cmd = browserCommand(platform, env, url);
  if (!cmd) return false;
  try {
    const child = spawn(cmd.command, cmd.args, {
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: platform === 'win32',
    });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}
