import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browse, readEnvFile, readTextFile, writeEnvFile, writeTextFile } from './files-api';
import { validateText } from './editor-validate';

const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compose files API', () => {
  it('reads and writes atomically, refusing to overwrite a file changed on disk', async () => {
    const file = path.join(dir, 'compose.yaml');
    writeFileSync(file, 'services: {}\n', { mode: 0o640 });
    const read = await readTextFile(file);
    expect(read.content).toBe('services: {}\n');
    const { mtime } = await writeTextFile(file, 'services:\n  a: {}\n', read.mtime);
    expect(readFileSync(file, 'utf8')).toBe('services:\n  a: {}\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    utimesSync(file, new Date(), new Date(mtime + 5000));
    const conflict = await writeTextFile(file, 'lost', mtime).then(() => undefined, (err: unknown) => err as { code: string; message: string });
    expect(conflict?.code).toBe('CONFLICT');
    expect(conflict?.message).toMatch(/changed on disk since you opened it/);
    expect(readFileSync(file, 'utf8')).toBe('services:\n  a: {}\n');
    await expect(readTextFile(path.join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('browses folders first and marks compose files and folders holding one', async () => {
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'app', 'docker-compose.yml'), 'services: {}\n');
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'notes.txt'), '');
    const listing = await browse(dir);
    expect(listing.parent).toBe(path.dirname(dir));
    expect(listing.entries).toEqual([
      { name: 'app', type: 'dir', isCompose: true },
      { name: 'empty', type: 'dir', isCompose: false },
      { name: 'compose.yaml', type: 'file', isCompose: true },
      { name: 'notes.txt', type: 'file', isCompose: false },
    ]);
    expect(listing.hidden).toBe(0);
  });

  it('counts hidden entries it leaves out, and lists them when asked', async () => {
    const only = path.join(dir, 'only-hidden');
    mkdirSync(path.join(only, '.config'), { recursive: true });
    mkdirSync(path.join(only, '.cache'));
    const listing = await browse(only);
    expect(listing).toMatchObject({ entries: [], hidden: 2 });
    const all = await browse(only, true);
    expect(all.entries.map((e) => e.name)).toEqual(['.cache', '.config']);
    expect(all.hidden).toBe(0);
  });

  it('reads a missing .env as empty and writes it', async () => {
    const project = path.join(dir, 'app');
    expect(await readEnvFile(project)).toEqual({ path: path.join(project, '.env'), content: '', exists: false });
    await writeEnvFile(project, 'TAG=1\n');
    expect(await readEnvFile(project)).toMatchObject({ content: 'TAG=1\n', exists: true });
  });

  it('validates unsaved text with positions, resolving relative files from the project folder', async () => {
    expect(await validateText('services:\n  web:\n    image: busybox\n', 'compose.yaml', dir)).toEqual([]);
    const problems = await validateText('services:\n  web:\n    image: busybox\n    bogus: 1\n', 'compose.yaml', dir);
    expect(problems.map(({ message: _m, ...rest }) => rest)).toEqual([{ line: 4, col: 5, path: 'services.web.bogus', severity: 'error' }]);
    expect(problems[0]?.message).toMatch(/unknown key "bogus"/);
    const missing = await validateText('services:\n  web:\n    image: busybox\n    env_file: nope.env\n', 'compose.yaml', dir);
    expect(missing[0]?.message).toMatch(/nope\.env/);
    const warned = await validateText('services:\n  web:\n    image: busybox:${NOT_SET_ANYWHERE_X}\n', 'compose.yaml', dir);
    expect(warned.map((w) => w.severity)).toEqual(['warning']);
    expect(warned[0]?.message).toMatch(/NOT_SET_ANYWHERE_X/);
  });
});
