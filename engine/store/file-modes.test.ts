import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from './sqlite';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'berth-modes-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;

describe('data dir file modes', () => {
  it('tightens a data dir that existed with loose modes, its database and its backups, at every start', () => {
    const dataDir = join(root, 'data');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'backups'), 0o777);
    writeFileSync(join(dataDir, 'backups', 'vol-1.tar.gz'), 'x', { mode: 0o644 });
    const store = openStore(dataDir);
    store.close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, DATABASE_FILE))).toBe(0o600);
    expect(mode(join(dataDir, 'backups'))).toBe(0o700);
    expect(mode(join(dataDir, 'backups', 'vol-1.tar.gz'))).toBe(0o600);

    // Loosened again between runs (umask, a copy, a restore from elsewhere): the next start fixes it.
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    chmodSync(dataDir, 0o775);
    openStore(dataDir).close();
    expect(mode(join(dataDir, DATABASE_FILE))).toBe(0o600);
    expect(mode(dataDir)).toBe(0o700);
  });
});
