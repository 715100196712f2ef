import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinDir } from './folders';
import { parseTemplate } from './template-file';
import { closedPort, serveFiles } from './testing/http-server';
import { portainerV2, portainerV3 } from './testing/samples';
import { tempTemplates } from './testing/service';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function setup(options: Parameters<typeof tempTemplates>[0] = {}) {
  const t = await tempTemplates(options);
  cleanups.push(t.dispose);
  return t;
}
const secrets = { DB_PASSWORD: 'pw-12345678', DB_ROOT_PASSWORD: 'root-12345678', GRAFANA_ADMIN_PASSWORD: 'graf-12345678', APP_IMAGE: 'shop:1', WEB_COMMAND: 'serve', WORKER_COMMAND: 'work' };

describe('the built-in catalog', () => {
  it('ships seven templates that all read and resolve to valid compose projects', async () => {
    const { svc } = await setup({ builtinDir: builtinDir() ?? '' });
    const { templates, categories, unreadable } = await svc.library.list();
    expect(unreadable).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(['builtin/gitea', 'builtin/postgres-adminer', 'builtin/prometheus-grafana', 'builtin/redis-worker-web', 'builtin/reverse-proxy', 'builtin/web-server', 'builtin/wordpress']);
    expect(categories).toContain('Database');
    for (const t of templates) {
      const detail = await svc.library.get(t.id);
      const values = Object.fromEntries(detail.parameters.filter((p) => p.required && p.default === undefined).map((p) => [p.name, secrets[p.name as keyof typeof secrets] ?? 'x']));
      const preview = await svc.preview({ id: t.id, values });
      expect(preview.yaml, t.id).not.toMatch(/(?<!\$)\$\{/);
      expect(preview.yaml, t.id).not.toContain('x-berth');
    }
    const wp = await svc.preview({ id: 'builtin/wordpress', values: { DB_PASSWORD: 'pw-12345678', DB_ROOT_PASSWORD: 'root-12345678', WP_PORT: '9000' }, projectName: 'blog' });
    expect(wp.projectName).toBe('blog');
    expect(wp.yaml).toMatch(/published: "9000"/);
    expect(wp.yaml).toContain('MYSQL_PASSWORD: pw-12345678');
  });

  it('searches titles, descriptions and services, and filters by category', async () => {
    const { svc } = await setup({ builtinDir: builtinDir() ?? '' });
    expect((await svc.library.list({ search: 'grafana' })).templates.map((t) => t.id)).toEqual(['builtin/prometheus-grafana']);
    expect((await svc.library.list({ search: 'adminer postgres' })).templates.map((t) => t.id)).toEqual(['builtin/postgres-adminer']);
    expect((await svc.library.list({ category: 'database' })).templates.map((t) => t.id)).toEqual(['builtin/postgres-adminer', 'builtin/redis-worker-web']);
    await expect(svc.preview({ id: 'builtin/postgres-adminer', values: { DB_PASSWORD: 'short' } })).rejects.toThrow(/does not match the pattern/);
  });
});

describe('imports into the library', () => {
  it('imports pasted text and a docker run line, and refuses a taken name unless told to overwrite', async () => {
    const { svc } = await setup();
    const r = await svc.import({ source: { text: portainerV2, fileName: 'v2.json' } });
    expect(r.format).toBe('portainer');
    expect(r.imported.map((t) => t.id)).toEqual(['library/mysql']);
    expect(r.problems).toHaveLength(3);
    const again = await svc.import({ source: { text: portainerV2 } });
    expect(again.imported).toEqual([]);
    expect(again.problems).toContainEqual({ item: 'template mysql (MySQL)', message: expect.stringContaining('already has a template named mysql') as string, existing: 'library/mysql' });
    expect((await svc.import({ source: { text: portainerV2 }, overwrite: true })).imported).toHaveLength(1);
    const run = await svc.import({ source: { dockerRun: 'docker run -d -p 8080:80 nginx:1.27' }, name: 'my-nginx' });
    expect(run.imported.map((t) => t.id)).toEqual(['library/my-nginx']);
  });

  it('a dry run reports what would be created, refused and replaced, and writes nothing', async () => {
    const { svc } = await setup();
    const ids = async () => (await svc.library.list({})).templates.filter((t) => t.origin === 'library').map((t) => t.id);
    const preview = await svc.import({ source: { text: portainerV2 }, dryRun: true });
    expect(preview).toMatchObject({ format: 'portainer', dryRun: true });
    expect(preview.imported.map((t) => t.id)).toEqual(['library/mysql']);
    expect(preview.replaced).toBeUndefined();
    expect(preview.problems).toHaveLength(3);
    expect(await ids()).toEqual([]);

    await svc.import({ source: { text: portainerV2 } });
    const taken = await svc.import({ source: { text: portainerV2 }, dryRun: true });
    expect(taken.imported).toEqual([]);
    expect(taken.problems).toContainEqual(expect.objectContaining({ existing: 'library/mysql' }));
    const replacing = await svc.import({ source: { text: portainerV2 }, dryRun: true, overwrite: true });
    expect(replacing.imported.map((t) => t.id)).toEqual(['library/mysql']);
    expect(replacing.replaced).toEqual(['library/mysql']);
    // A real overwrite says what it replaced too.
    expect((await svc.import({ source: { text: portainerV2 }, overwrite: true })).replaced).toEqual(['library/mysql']);
    expect(await ids()).toEqual(['library/mysql']);
    const bad = await svc.import({ source: { dockerRun: 'docker run -d -p 8080:80 nginx:1.27' }, name: 'web', dryRun: true });
    expect(bad.imported.map((t) => t.id)).toEqual(['library/web']);
    expect(await ids()).toEqual(['library/mysql']);
  });

  it('imports a folder of templates, taking README.md as documentation, and reports files outside the template', async () => {
    const { svc, dataDir } = await setup();
    const dir = path.join(dataDir, 'incoming');
    await mkdir(path.join(dir, 'blog'), { recursive: true });
    await writeFile(path.join(dir, 'blog', 'compose.yaml'), 'services:\n  web:\n    image: "blog:${TAG:-1}"\n    volumes: ["./site:/srv"]\n');
    await writeFile(path.join(dir, 'blog', 'README.md'), '# Blog\n');
    await writeFile(path.join(dir, 'list.json'), portainerV3);
    const r = await svc.import({ source: { path: dir } });
    expect(r.imported.map((t) => t.id).sort()).toEqual(['library/blog', 'library/hello', 'library/hello-2']);
    expect((await svc.library.get('library/blog')).metadata.documentation).toBe('# Blog\n');
    expect(r.problems).toEqual([{ item: 'template blog (blog)', message: expect.stringContaining('./site') as string }]);
  });

  it('refuses a compose file that could never deploy, and path traversal, and names them', async () => {
    const { svc } = await setup();
    const r = await svc.import({ source: { text: 'services:\n  a:\n    image: x\n    ports: ["not a port"]\n' } });
    expect(r.imported).toEqual([]);
    expect(r.problems[0]?.message).toMatch(/not a valid compose project/);
    const t = await svc.import({ source: { text: 'services:\n  a:\n    image: x\n    env_file: ../../../etc/passwd\n' } });
    expect(t.problems[0]?.message).toMatch(/outside its folder/);
  });

  it('imports by URL, and gives a clear error for an unreachable URL and for an oversized answer', async () => {
    const { svc } = await setup();
    const server = await serveFiles({ '/v3.json': portainerV3, '/big.json': 'x'.repeat(300_000) });
    cleanups.push(server.close);
    expect((await svc.import({ source: { url: server.url('/v3.json') } })).imported).toHaveLength(2);
    await expect(svc.import({ source: { url: server.url('/missing.json') } })).rejects.toThrow(/HTTP 404/);
    await expect(svc.import({ source: { url: server.url('/big.json') } })).rejects.toThrow(/byte limit/);
    const port = await closedPort();
    await expect(svc.import({ source: { url: `http://127.0.0.1:${port}/x.json` } })).rejects.toThrow(/connection was refused/);
  });
});

describe('remote catalogs', () => {
  it('caches a catalog for offline use, keeps the cache when a refresh fails, and removes it', async () => {
    const { svc } = await setup();
    let body = portainerV2;
    const server = await serveFiles({ '/templates.json': () => body });
    const added = await svc.catalogs.add(server.url('/templates.json'), 'Team');
    expect(added).toMatchObject({ id: 'team', title: 'Team', templates: 1, problems: expect.any(Array) as unknown[] });
    expect((await svc.library.list()).templates.map((t) => t.id)).toEqual(['catalog/team/mysql']);
    await expect(svc.catalogs.add(server.url('/templates.json'))).rejects.toThrow(/already added/);
    body = portainerV3;
    expect((await svc.catalogs.refresh('team')).templates).toBe(2);
    await server.close();
    const failed = await svc.catalogs.refresh('team');
    expect(failed.error).toMatch(/connection was refused/);
    expect((await svc.catalogs.list())[0]?.error).toMatch(/refused/);
    expect((await svc.library.list()).templates.map((t) => t.id)).toEqual(['catalog/team/hello', 'catalog/team/hello-2']);
    await svc.catalogs.remove('team');
    expect((await svc.library.list()).templates).toEqual([]);
  });

  it('adds nothing when the first fetch fails', async () => {
    const { svc } = await setup();
    await expect(svc.catalogs.add(`http://127.0.0.1:${await closedPort()}/t.json`)).rejects.toThrow(/refused/);
    expect(await svc.catalogs.list()).toEqual([]);
  });
});

describe('exports', () => {
  it('exports a template as one file or a folder with README.md, and re-imports it unchanged (round trip)', async () => {
    const { svc } = await setup({ builtinDir: builtinDir() ?? '' });
    const [file] = await svc.export({ id: 'builtin/postgres-adminer', as: 'file' });
    const folder = await svc.export({ id: 'builtin/postgres-adminer', as: 'folder' });
    expect(folder.map((f) => f.path)).toEqual(['compose.yaml', 'README.md']);
    const original = parseTemplate(file?.content ?? '', 'a');
    const r = await svc.import({ source: { text: folder[0]?.content ?? '' }, name: 'pg' });
    expect(r.problems).toEqual([]);
    const detail = await svc.library.get('library/pg');
    expect(detail.parameters).toEqual(original.parameters);
    expect(parseTemplate(detail.compose, 'b').compose).toEqual(original.compose);
  });

  it('exports the catalog as a Portainer v3 list that Berth imports back', async () => {
    const { svc } = await setup({ builtinDir: builtinDir() ?? '' });
    await svc.import({ source: { text: portainerV2 } });
    const without = await svc.exportCatalog({});
    const list = JSON.parse(without.json) as { version: string; templates: Record<string, unknown>[] };
    expect(list.version).toBe('3');
    expect(list.templates.map((t) => [t.id, t.type, t.title])).toEqual([[1, 1, 'MySQL']]);
    expect(without.problems).toHaveLength(7);
    const withRepo = JSON.parse((await svc.exportCatalog({ repositoryUrl: 'https://git.example.com/templates' })).json) as typeof list;
    expect(withRepo.templates.find((t) => t.title === 'WordPress with MySQL')).toMatchObject({ type: 3, repository: { url: 'https://git.example.com/templates', stackfile: 'wordpress/compose.yaml' } });
    const back = await svc.import({ source: { text: without.json }, overwrite: true });
    expect(back.problems).toEqual([]);
    const mysql = await svc.library.get('library/mysql');
    expect(mysql.parameters.map((p) => [p.name, p.default, p.options?.length])).toEqual([['MYSQL_ROOT_PASSWORD', undefined, undefined], ['MYSQL_CHARSET', 'utf8mb4', 2]]);
  });
});
