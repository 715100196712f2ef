import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from './private-dir';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const uid = process.getuid?.() ?? 0;

describe('ensurePrivateDir', () => {
  it('creates a missing folder 0700', async () => {
    await ensurePrivateDir(join(dir, 'berth-1'), [uid]);
    expect(statSync(join(dir, 'berth-1')).mode & 0o777).toBe(0o700);
  });

  it('tightens our own group/world-writable folder to 0700', async () => {
    const path = join(dir, 'loose');
    mkdirSync(path);
    chmodSync(path, 0o777);
    await ensurePrivateDir(path, [uid]);
    expect(statSync(path).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder another user owns, and leaves it alone', async () => {
    const path = join(dir, 'planted');
    mkdirSync(path);
    chmodSync(path, 0o777);
    // Another owner: as root we can hand the folder to another uid; otherwise expect our uid not to match 0.
    const other = uid === 0 ? 4242 : 0;
    if (uid === 0) chownSync(path, other, other);
    await expect(ensurePrivateDir(path, [uid === 0 ? uid : other + 1])).rejects.toThrow(
      /belongs to another user/,
    );
    expect(statSync(path).mode & 0o777).toBe(0o777);
  });

  it('refuses a symlink in place of the folder', async () => {
    const target = join(dir, 'elsewhere');
    mkdirSync(target);
    symlinkSync(target, join(dir, 'link'));
    await expect(ensurePrivateDir(join(dir, 'link'), [uid])).rejects.toThrow(/not a plain folder/);
  });
});
