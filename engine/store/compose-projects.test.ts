import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from './sqlite';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('compose projects store', () => {
  it('remembers opened projects across reopen, replaces by name and forgets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-store-'));
    dirs.push(dir);
    const a = openStore(dir);
    const source = {
      files: ['/src/shop/compose.yaml'],
      workingDir: '/src/shop',
      projectName: 'shop',
      profiles: ['debug'],
    };
    a.composeProjects?.put({ name: 'shop', source, services: 3, openedAt: 10 });
    a.composeProjects?.put({
      name: 'blog',
      source: { files: [], workingDir: '/src/blog' },
      services: 1,
      openedAt: 11,
    });
    a.composeProjects?.put({ name: 'shop', source, services: 4, openedAt: 12 });
    a.close();
    const b = openStore(dir);
    expect(b.composeProjects?.list().map((p) => [p.name, p.services])).toEqual([
      ['blog', 1],
      ['shop', 4],
    ]);
    expect(b.composeProjects?.get('shop')).toEqual({ name: 'shop', source, services: 4, openedAt: 12 });
    b.composeProjects?.remove('shop');
    expect(b.composeProjects?.get('shop')).toBeUndefined();
    b.close();
  });

  it('adds its table to a database made by the first schema version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-store-'));
    dirs.push(dir);
    const old = new Database(join(dir, DATABASE_FILE));
    old.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
    old.exec(
      'CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL, via TEXT NOT NULL, method TEXT NOT NULL, params TEXT NOT NULL, ok INTEGER NOT NULL, error_code TEXT);',
    );
    old.pragma('user_version = 1');
    old.close();
    const store = openStore(dir);
    expect(store.composeProjects?.list()).toEqual([]);
    store.close();
  });
});
