import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { spawn as nodeSpawn } from 'node:child_process';
import { openBrowser } from './open-browser';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openBrowser', () => {
  it('never puts the login URL in the browser process arguments (readable by every user in ps)', () => {
    const url = 'http://127.0.0.1:7780/#code=SECRET-LOGIN-CODE';
    const spawned: { command: string; args: readonly string[] }[] = [];
    const spawn = ((command: string, args: readonly string[]) => {
      spawned.push({ command, args });
      return Object.assign(new EventEmitter(), { unref: () => {} });
    }) as unknown as typeof nodeSpawn;
    const handoverDir = join(dir, 'run');

    expect(openBrowser(url, { handoverDir, platform: 'darwin', env: {}, spawn })).toBe(true);
    expect(spawned).toHaveLength(1);
    const argv = [spawned[0]?.command, ...(spawned[0]?.args ?? [])].join(' ');
    expect(argv).not.toContain('SECRET-LOGIN-CODE');
    expect(argv).not.toContain('7780');

    // What the browser is given instead: a page only this user can read, forwarding to the URL.
    const page = fileURLToPath(spawned[0]?.args[0] ?? '');
    expect(readdirSync(handoverDir)).toHaveLength(1);
    expect(statSync(handoverDir).mode & 0o777).toBe(0o700);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(readFileSync(page, 'utf8')).toContain(`url=${url}`);
  });

  it('deletes the hand-over page after a while', async () => {
    const spawn = (() =>
      Object.assign(new EventEmitter(), {
        unref: () => {},
      })) as unknown as typeof nodeSpawn;
    const handoverDir = join(dir, 'run');
    openBrowser('http://127.0.0.1:1/#code=x', {
      handoverDir,
      platform: 'darwin',
      env: {},
      spawn,
      keepMs: 10,
    });
    expect(readdirSync(handoverDir)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(handoverDir)).toHaveLength(0);
  });

  it('does nothing without a browser to open', () => {
    expect(openBrowser('http://x/', { handoverDir: join(dir, 'run'), platform: 'linux', env: {} })).toBe(
      false,
    );
  });
});
