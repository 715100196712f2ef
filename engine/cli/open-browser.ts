import { spawn as nodeSpawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/**
 * Writes a page that forwards the browser to `url` into `dir` (made 0700; the file 0600) and returns its
 * file:// URL. The login URL then never appears in a process's arguments, which every local user can read
 * with `ps`: only this file's path does, and only this user can open it.
 */
export function writeHandoverPage(dir: string, url: string): { pageUrl: string; file: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, `open-${randomBytes(8).toString('hex')}.html`);
  const target = url.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0;url=${target}"><title>Opening Berth…</title>` +
      `<p>Opening Berth… If nothing happens, use the link Berth printed in its terminal.</p>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return { pageUrl: pathToFileURL(file).href, file };
}

export interface OpenBrowserOptions {
  /** Private folder for the hand-over page (Berth's data dir). */
  handoverDir: string;
  /** The page is deleted after this (default 2 min; the login code in it expires as well). */
  keepMs?: number;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  spawn?: typeof nodeSpawn;
}

/**
 * Opens the URL detached, through a private hand-over page (see writeHandoverPage); every failure is ignored
 * because the URL is printed anyway. Returns whether it tried.
 */
export function openBrowser(url: string, options: OpenBrowserOptions): boolean {
  const { platform = process.platform, env = process.env, spawn = nodeSpawn } = options;
  if (!browserCommand(platform, env, url)) return false;
  let handover: { pageUrl: string; file: string };
  try {
    handover = writeHandoverPage(options.handoverDir, url);
  } catch {
    return false;
  }
  const timer = setTimeout(() => rmSync(handover.file, { force: true }), options.keepMs ?? 120_000);
  timer.unref();
  const cmd = browserCommand(platform, env, handover.pageUrl);
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
