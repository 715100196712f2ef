import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openMemoryStore, openStore } from './sqlite';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'berth-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('store', () => {
  it('returns defaults on a new database and persists updates across reopen', () => {
    const dir = tempDir();
    const a = openStore(dir);
    expect(a.settings.get()).toEqual({ engine: { preferred: 'auto' }, theme: 'system' });
    a.settings.update({ engine: { preferred: 'unix:///tmp/x.sock' } });
    expect(a.settings.update({ theme: 'dark' })).toEqual({
      engine: { preferred: 'unix:///tmp/x.sock' },
      theme: 'dark',
    });
    a.close();
    const b = openStore(dir);
    expect(b.settings.get()).toEqual({ engine: { preferred: 'unix:///tmp/x.sock' }, theme: 'dark' });
    b.close();
  });

  it('has a memory store with the same defaults that keeps nothing after close', () => {
    const a = openMemoryStore();
    expect(a.settings.get()).toEqual({ engine: { preferred: 'auto' }, theme: 'system' });
    a.settings.update({ theme: 'dark' });
    expect(a.settings.get().theme).toBe('dark');
    a.close();
    const b = openMemoryStore();
    expect(b.settings.get().theme).toBe('system');
    b.close();
  });

  it('ignores corrupt stored values instead of failing to start', () => {
    const dir = tempDir();
    openStore(dir).close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw
      .prepare("INSERT INTO settings (key, value) VALUES ('engine', '{nope'), ('theme', '\"purple\"')")
      .run();
    raw.close();
    const s = openStore(dir);
    expect(s.settings.get()).toEqual({ engine: { preferred: 'auto' }, theme: 'system' });
    s.close();
  });

  it('refuses a database from a newer Berth rather than damaging it', () => {
    const dir = tempDir();
    openStore(dir).close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openStore(dir)).toThrow(/newer version of Berth/);
  });

  it('appends audit entries and lists newest first, truncating huge params', () => {
    const s = openStore(tempDir());
    const caller = { role: 'admin' as const, user: 'ann', via: 'web' as const };
    s.audit.append({ at: 1, caller, method: 'containers.stop', params: { id: 'a' }, ok: true });
    s.audit.append({
      at: 2,
      caller,
      method: 'containers.remove',
      params: { id: 'x'.repeat(10_000) },
      ok: false,
      errorCode: 'CONFLICT',
    });
    const [newest, oldest] = s.audit.list();
    expect(newest).toMatchObject({ at: 2, method: 'containers.remove', ok: false, errorCode: 'CONFLICT' });
    expect(JSON.stringify(newest?.params).length).toBeLessThan(5000);
    expect(oldest).toEqual({ at: 1, caller, method: 'containers.stop', params: { id: 'a' }, ok: true });
    expect(s.audit.list({ before: 2 })).toHaveLength(1);
    s.close();
  });

  it('never stores secret-bearing parameters: env values, .env contents, build args, credentials', () => {
    const s = openStore(tempDir());
    const caller = { role: 'admin' as const, user: 'ann', via: 'web' as const };
    const secret = 'hunter2-do-not-log';
    s.audit.append({
      at: 1,
      caller,
      method: 'containers.create',
      params: {
        image: 'db',
        name: 'pg',
        env: { POSTGRES_PASSWORD: secret, TZ: 'UTC' },
        envFile: `A=${secret}\n`,
      },
      ok: true,
    });
    s.audit.append({
      at: 2,
      caller,
      method: 'images.buildUpload',
      params: { tag: 'x', buildArgs: { NPM_TOKEN: secret } },
      ok: true,
    });
    s.audit.append({
      at: 3,
      caller,
      method: 'compose.env.write',
      params: { workingDir: '/p', content: `DB=${secret}` },
      ok: true,
    });
    s.audit.append({
      at: 4,
      caller,
      method: 'containers.create',
      params: { url: 'r', username: 'u', password: secret },
      ok: true,
    });
    s.audit.append({
      at: 5,
      caller,
      method: 'containers.exec',
      params: { id: 'c', cmd: ['sh'], environment: [`X=${secret}`] },
      ok: true,
    });
    const rows = s.audit.list();
    expect(JSON.stringify(rows)).not.toContain(secret);
    // Who did what to which object stays readable.
    const create = rows.find((r) => r.at === 1);
    expect(create?.params).toMatchObject({
      image: 'db',
      name: 'pg',
      env: { POSTGRES_PASSWORD: '[redacted]', TZ: '[redacted]' },
    });
    expect(rows.find((r) => r.method === 'containers.exec')?.params).toMatchObject({
      id: 'c',
      cmd: ['sh'],
      environment: ['X=[redacted]'],
    });
    s.close();
  });
});
