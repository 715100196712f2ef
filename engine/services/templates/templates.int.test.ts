import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import type { ComposeProjectDetail, ComposeProjectSummary, TemplateCatalog, TemplateImportResult, TemplateListResult } from '../../contract';
import { runOk } from '../compose/testing/projects';
import { call } from '../testing/backend';
import { useEngineBackend } from '../testing/use-engine-backend';
import { closedPort, serveFiles } from './testing/http-server';
import { portainerV2 } from './testing/samples';

const env = useEngineBackend();

/** A built-in-style template: a web server whose page and secret token are parameters. */
const helloWeb = `x-berth:
  title: Hello web
  description: A page that says what you tell it.
  categories: [Web]
  parameters:
    MESSAGE:
      label: Message
      required: true
      pattern: "[A-Za-z ]+"
    TOKEN:
      label: Token
      secret: true
      required: true
services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo \\"$$MESSAGE\\" > /www/index.html && exec httpd -f -p 80 -h /www"]
    environment:
      MESSAGE: \${MESSAGE}
      TOKEN: \${TOKEN}
    ports: ["127.0.0.1::80"]
`;

describe('templates on a real engine', () => {
  it('deploys a template with parameters as a compose project that serves HTTP and shows under Compose', async () => {
    const { backend, log } = env.t;
    const imported = await call<TemplateImportResult>(backend, 'templates.import', { source: { text: helloWeb }, name: 'hello-web' });
    expect(imported).toMatchObject({ format: 'berth', problems: [], imported: [{ id: 'library/hello-web', parameters: 2 }] });

    const bad = await backend.dispatch('templates.deploy', { id: 'library/hello-web', values: { MESSAGE: 'no digits 1', TOKEN: 't' } }, { role: 'admin', user: 'test', via: 'cli' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('MESSAGE') as string } });
    const stack = await backend.dispatch('templates.deploy', { id: 'library/hello-web', values: { MESSAGE: 'hi', TOKEN: 't' }, target: 'stack' }, { role: 'admin', user: 'test', via: 'cli' });
    expect(stack).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('not part of a swarm') as string } });

    const task = await runOk(backend, log, 'templates.deploy', { id: 'library/hello-web', values: { MESSAGE: 'Hello from a template', TOKEN: 's3cret-token' }, projectName: 'hello-tpl' });
    expect(task.kind).toBe('compose.up');
    expect(task.steps?.map((s) => [s.label, s.state])).toEqual([['web', 'done']]);

    const projects = await call<ComposeProjectSummary[]>(backend, 'compose.projects.list');
    expect(projects.find((p) => p.name === 'hello-tpl')).toMatchObject({ status: 'running', origin: 'berth', services: 1 });
    const detail = await call<ComposeProjectDetail>(backend, 'compose.projects.get', { name: 'hello-tpl' });
    const port = detail.services[0]?.ports.find((p) => p.privatePort === 80)?.publicPort;
    expect(port).toBeGreaterThan(0);
    const body = await waitForHttp(`http://127.0.0.1:${port ?? 0}/`);
    expect(body.trim()).toBe('Hello from a template');

    // The secret is in the deployment's private .env only; the compose file is the template's, unresolved.
    const dir = detail.source?.workingDir ?? '';
    expect((await stat(path.join(dir, '.env'))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(dir, '.env'), 'utf8')).toContain("TOKEN='s3cret-token'");
    expect(await readFile(path.join(dir, 'compose.yaml'), 'utf8')).not.toContain('s3cret');
    const library = await readFile(path.join(dir, 'compose.yaml'), 'utf8');
    expect(library).toContain('${TOKEN}');

    // Save the running project as a template: the parameters come along, the values do not.
    const saved = await call<TemplateImportResult>(backend, 'templates.fromProject', { project: 'hello-tpl', name: 'hello-saved' });
    expect(saved.imported[0]).toMatchObject({ id: 'library/hello-saved', parameters: 2 });
    const savedText = (await call<{ compose: string }>(backend, 'templates.get', { id: 'library/hello-saved' })).compose;
    expect(savedText).not.toContain('s3cret');

    await runOk(backend, log, 'compose.down', { name: 'hello-tpl' });
  });

  it('imports a Portainer v2 list by URL and keeps a catalog cached for offline use', async () => {
    const { backend } = env.t;
    const server = await serveFiles({ '/templates.json': portainerV2 });
    try {
      const byUrl = await call<TemplateImportResult>(backend, 'templates.import', { source: { url: server.url('/templates.json') } });
      expect(byUrl.imported.map((t) => t.id)).toEqual(['library/mysql']);
      expect(byUrl.problems.map((p) => p.item)).toEqual(['Portainer template 1 (MySQL)', 'Portainer template 2 (Compose app)', 'Portainer template 3 (Broken, no image)']);
      const catalog = await call<TemplateCatalog>(backend, 'templates.catalogs.add', { url: server.url('/templates.json'), title: 'Team' });
      expect(catalog).toMatchObject({ id: 'team', templates: 1 });
    } finally {
      await server.close();
    }
    const refreshed = await call<TemplateCatalog>(backend, 'templates.catalogs.refresh', { id: 'team' });
    expect(refreshed.error).toMatch(/connection was refused/);
    const list = await call<TemplateListResult>(backend, 'templates.list', { search: 'mysql' });
    expect(list.templates.map((t) => t.id)).toEqual(['builtin/wordpress', 'library/mysql', 'catalog/team/mysql']);
    const builtins = await call<TemplateListResult>(backend, 'templates.list', { category: 'Monitoring' });
    expect(builtins.templates.map((t) => t.id)).toEqual(['builtin/prometheus-grafana']);

    const unreachable = await backend.dispatch('templates.import', { source: { url: `http://127.0.0.1:${await closedPort()}/t.json` } }, { role: 'admin', user: 'test', via: 'cli' });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE', message: expect.stringContaining('refused') as string } });
  });
});

async function waitForHttp(url: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return await res.text();
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
