import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronAvailability } from './electron.mjs';
import { buildState } from './freshness.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string, secondsAgo: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('electronAvailability', () => {
  function fakeElectron(withBinary: boolean): void {
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    // Requiring this would fail the test: availability must never load the package (it downloads).
    writeFileSync(join(pkg, 'index.js'), "throw new Error('required');");
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    if (withBinary) writeFileSync(join(pkg, 'dist', 'electron'), '');
  }

  it('is usable when the binary exists and there is a display', () => {
    fakeElectron(true);
    const result = electronAvailability({ requireFrom: dir, platform: 'linux', env: { DISPLAY: ':0' } });
    expect(result).toEqual({
      usable: true,
      binary: join(dir, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('explains why not: no display, no binary, no package', () => {
    fakeElectron(true);
    expect(electronAvailability({ requireFrom: dir, platform: 'linux', env: {} })).toMatchObject({
      usable: false,
      reason: expect.stringContaining('no display') as unknown,
    });
    rmSync(join(dir, 'node_modules', 'electron', 'dist', 'electron'));
    expect(electronAvailability({ requireFrom: dir, platform: 'darwin', env: {} })).toMatchObject({
      usable: false,
      reason: expect.stringContaining("Electron's binary is not installed") as unknown,
    });
    // A folder with no node_modules above it that holds electron.
    const empty = mkdtempSync(join(tmpdir(), 'berth-scripts-empty-'));
    try {
      expect(electronAvailability({ requireFrom: empty, env: {} })).toEqual({
        usable: false,
        reason: 'Electron is not installed',
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('buildState', () => {
  it('is stale when an output is missing or a source is newer, and ignores tests', () => {
    const out = join(dir, 'dist', 'cli.mjs');
    const src = join(dir, 'engine');
    touch(join(src, 'a.ts'), 100);
    expect(buildState([out], [src])).toMatchObject({
      stale: true,
      reason: expect.stringMatching(/dist\/cli\.mjs is missing$/) as unknown,
    });
    touch(out, 50);
    expect(buildState([out], [src]).stale).toBe(false);
    touch(join(src, 'a.test.ts'), 0);
    touch(join(src, 'test', 'helper.ts'), 0);
    expect(buildState([out], [src]).stale).toBe(false);
    touch(join(src, 'deep', 'b.ts'), 0);
    expect(buildState([out], [src])).toMatchObject({
      stale: true,
      reason: expect.stringContaining('b.ts') as unknown,
    });
  });
});
