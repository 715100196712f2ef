import { describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from './cli';
import type { ComposeDeps } from './commands/compose';
import type { EngineDeps } from './commands/engine';
import type { WebDeps } from './commands/web';
import { resolveDataDir } from './data-dir';
import { browserCommand } from './open-browser';
import { recordingIo } from './testing/io';

const unusedWeb = (): Promise<WebDeps> => {
  throw new Error('web deps must not be built for this command');
};
const unusedEngine = (): Promise<EngineDeps> => {
  throw new Error('engine deps must not be built for this command');
};
const unusedCompose = (): Promise<ComposeDeps> => {
  throw new Error('compose deps must not be built for this command');
};
const deps: CliDeps = { version: '1.2.3', web: unusedWeb, engine: unusedEngine, compose: unusedCompose };

describe('berth command line', () => {
  it('prints help on stdout and exits 0', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['--help'], io, deps)).toBe(0);
    expect(out.join('\n')).toContain('Usage: berth <command>');
    const web = recordingIo();
    expect(await runCli(['help', 'web'], web.io, deps)).toBe(0);
    expect(web.out.join('\n')).toContain('--no-open');
  });

  it('prints the version', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['--version'], io, deps)).toBe(0);
    expect(out).toEqual(['1.2.3']);
  });

  it('answers an unknown command or a missing one with usage on stderr and exit 2', async () => {
    const unknown = recordingIo();
    expect(await runCli(['frobnicate'], unknown.io, deps)).toBe(2);
    expect(unknown.out).toEqual([]);
    expect(unknown.err.join('\n')).toMatch(/Unknown command: frobnicate[\s\S]*Usage: berth/);
    const none = recordingIo();
    expect(await runCli([], none.io, deps)).toBe(2);
  });

  it('rejects bad options before doing anything', async () => {
    const web: CliDeps = { ...deps, web: () => Promise.resolve({} as WebDeps), engine: () => Promise.resolve({} as EngineDeps) };
    for (const args of [
      ['web', '--port', 'abc'],
      ['web', '--port', '70000'],
      ['web', '--bogus'],
      ['web', '--engine', 'http://x'],
      ['engine', 'explode'],
    ]) {
      const { io, err } = recordingIo();
      expect(await runCli(args, io, web)).toBe(2);
      expect(err.join('\n')).toContain('Usage: berth');
    }
  });
});

describe('resolveDataDir', () => {
  it('prefers --data-dir, then BERTH_DATA_DIR, then the platform folder', () => {
    const base = { platform: 'linux' as const, homeDir: '/home/u' };
    expect(resolveDataDir('/flag', { ...base, env: { BERTH_DATA_DIR: '/env' } })).toBe('/flag');
    expect(resolveDataDir(undefined, { ...base, env: { BERTH_DATA_DIR: '/env' } })).toBe('/env');
    expect(resolveDataDir(undefined, { ...base, env: {} })).toBe('/home/u/.local/share/berth');
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:7780/?token=abc';
  it('does not open anything on a Linux machine without a display', () => {
    expect(browserCommand('linux', {}, url, () => true)).toBeUndefined();
    expect(browserCommand('linux', { DISPLAY: ':0' }, url, () => false)).toBeUndefined();
  });
  it('uses xdg-open, open or start', () => {
    expect(browserCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' }, url, () => true)).toEqual({
      command: 'xdg-open',
      args: [url],
    });
    expect(browserCommand('darwin', {}, url)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand('win32', {}, url)?.args).toEqual(['/c', 'start', '""', url]);
  });
});
