import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../host/create-backend';
import { openMemoryStore, openStore } from '../../store/sqlite';
import { recordingIo } from '../testing/io';
import type { ComposeDeps } from './compose';
import { templateCommand } from './template';

const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps: ComposeDeps = {
  openStore,
  openMemoryStore,
  createBackend,
  engines: () => Promise.reject(new Error('only deploy and save look for an engine')),
  waitForShutdownSignal: () => new Promise<string>(() => undefined),
  cwd: dir,
};
async function berth(...argv: string[]) {
  const { io, out, err } = recordingIo();
  const code = await templateCommand([...argv, '--data-dir', path.join(dir, 'data')], io, deps);
  return { code, out, err };
}

describe('berth template (no engine needed)', () => {
  it('lists, searches and shows the built-in templates', async () => {
    const list = await berth('list');
    expect(list.code).toBe(0);
    expect(list.out[0]).toMatch(/^NAME\s+TITLE\s+CATEGORIES\s+PARAMETERS$/);
    expect(list.out.join('\n')).toContain('builtin/wordpress');
    expect((await berth('list', 'grafana')).out.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['builtin/prometheus-grafana']);
    const show = await berth('show', 'wordpress');
    expect(show.out[0]).toBe('WordPress with MySQL (version 1.0)  [builtin/wordpress]');
    expect(show.out).toContainEqual(expect.stringMatching(/^ {2}DB_PASSWORD {2}Database password .*\(required, secret, pattern \.\{8,\}\)$/));
  });

  it('imports a docker run line, previews it with --set, exports it, and removes it', async () => {
    const line = 'docker run -d -e GREETING -p 8080:80 nginx:1.27';
    expect(await berth('import', '--docker-run', line, '--name', 'greeter', '--dry-run')).toMatchObject({ code: 0, out: ['Would import library/greeter (nginx)'] });
    expect((await berth('list')).out.join('\n')).not.toContain('library/greeter');
    const imp = await berth('import', '--docker-run', line, '--name', 'greeter');
    expect(imp).toMatchObject({ code: 0, out: ['Imported library/greeter (nginx)'] });
    expect(await berth('import', '--docker-run', line, '--name', 'greeter', '--overwrite', '--dry-run')).toMatchObject({ code: 0, out: ['Would replace library/greeter (nginx)'] });
    const missing = await berth('preview', 'greeter');
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toBe('Error: GREETING: GREETING is required');
    const preview = await berth('preview', 'greeter', '--set', 'GREETING=hello', '-p', 'demo');
    expect(preview.code).toBe(0);
    expect(preview.out.join('\n')).toMatch(/^name: demo\n[\s\S]*GREETING: hello/);
    expect((await berth('export', 'greeter', '-o', 'out/greeter.yaml')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'greeter.yaml'), 'utf8')).toMatch(/^x-berth:\n {2}title: nginx\n/);
    expect((await berth('export', 'builtin/gitea', '--folder', 'gitea')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'gitea', 'README.md'), 'utf8')).toMatch(/^# Gitea/);
    const catalog = await berth('export', '--catalog');
    expect(JSON.parse(catalog.out.join('\n'))).toMatchObject({ version: '3', templates: [{ id: 1, type: 1, title: 'nginx', env: [{ name: 'GREETING' }] }] });
    expect(catalog.err).toHaveLength(7);
    expect((await berth('rm', 'greeter')).code).toBe(0);
    expect((await berth('show', 'library/greeter')).err[0]).toMatch(/^Error: No template library\/greeter/);
  });

  it('refuses a stack target and bad command lines clearly', async () => {
    const stack = await berth('deploy', 'wordpress', '--target', 'stack');
    expect(stack).toMatchObject({ code: 1, err: [expect.stringContaining('comes with Swarm support') as string] });
    await expect(berth('deploy', 'wordpress', '--set', 'NOEQUALS')).rejects.toThrow(/--set takes KEY=VALUE/);
    await expect(berth('show', 'nothing-like-this')).rejects.toThrow(/No template named nothing-like-this/);
    expect((await berth()).code).toBe(2);
  });
});
