import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';
import { freePort } from '../support/net';

// A Portainer v2 list as people share them: a container template (the test image's web server, with a
// parameter), one whose image is not on this machine, and a compose stack that lives in a git repository.
const fixture = readFileSync(new URL('../fixtures/templates/portainer-v2.json', import.meta.url), 'utf8');
const PROJECT = 'e2e-greeting';
const BUILTIN_PROJECT = 'e2e-builtin-web';
// The built-in "Web server (nginx)" template's image, made here from the test image (no pulls on this machine):
// busybox httpd serving nginx's html folder on port 80, with a page in it that the template's volume starts from.
const NGINX = 'nginx:1.27-alpine';

async function openTemplates(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
}

async function projectContainers(project = PROJECT): Promise<string[]> {
  const out = await docker('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}} {{.State}}');
  return out.split('\n').filter(Boolean).sort();
}

async function makeNginxStandIn(): Promise<boolean> {
  if (await docker('image', 'inspect', NGINX).then(() => true, () => false)) return false;
  const maker = `nginx-maker-${Date.now()}`;
  await docker('run', '--name', maker, 'berth-test/busybox:latest', 'sh', '-c', 'mkdir -p /usr/share/nginx/html && echo built-in template served > /usr/share/nginx/html/index.html');
  await docker('commit', '--change', 'EXPOSE 80', '--change', 'CMD ["httpd", "-f", "-p", "80", "-h", "/usr/share/nginx/html"]', maker, NGINX);
  await docker('rm', maker);
  return true;
}

test.describe('templates on a real engine', () => {
  let madeNginx = false;
  test.afterAll(async () => {
    for (const project of [PROJECT, BUILTIN_PROJECT]) {
      const ids = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).catch(() => '');
      if (ids) await docker('rm', '-f', ...ids.split('\n')).catch(() => undefined);
      await docker('network', 'rm', `${project}_default`).catch(() => undefined);
    }
    await docker('volume', 'rm', `${BUILTIN_PROJECT}_html`).catch(() => undefined);
    if (madeNginx) await docker('rmi', NGINX).catch(() => undefined);
  });

  test('deploys a built-in template (Web server) to the engine and reaches it', async ({ page }) => {
    test.setTimeout(120_000);
    madeNginx = await makeNginxStandIn();
    const port = await freePort();
    await openTemplates(page);
    await page.getByRole('listitem', { name: 'Web server (nginx)' }).getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Web server (nginx)', level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: 'Deploy' }).click();
    const form = page.getByRole('form', { name: 'Deploy Web server (nginx)' });
    await form.getByRole('textbox', { name: 'HTTP port' }).fill(String(port));
    await form.getByRole('textbox', { name: /Project name/ }).fill(BUILTIN_PROJECT);
    await expect(form.locator('.monaco-editor .view-line', { hasText: `published: "${port}"` }).first()).toBeVisible({ timeout: 20_000 });
    await form.getByRole('button', { name: 'Deploy' }).click();
    await expect(form.getByRole('region', { name: /^Progress: / })).toContainText('— done', { timeout: 60_000 });
    await page.screenshot({ path: test.info().outputPath('templates-builtin-deployed.png') });
    await expect.poll(() => projectContainers(BUILTIN_PROJECT), { timeout: 20_000 }).toEqual(['web running']);
    // The html volume started from the image's folder: the page comes back over HTTP.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 15_000 })
      .toBe('built-in template served');
    expect(await docker('volume', 'inspect', '-f', '{{.Name}}', `${BUILTIN_PROJECT}_html`)).toBe(`${BUILTIN_PROJECT}_html`);
  });

  test('import a pasted Portainer v2 list, deploy a template with a parameter, reach it over HTTP, take it down and remove it', async ({ page }) => {
    test.setTimeout(180_000);
    const port = await freePort();
    await openTemplates(page);
    // The built-in catalog is there from the start.
    await expect(page.getByRole('listitem', { name: 'Web server (nginx)' })).toBeVisible();

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import templates' });
    await dialog.getByRole('textbox', { name: 'Template text' }).fill(fixture.replace('18480:80/tcp', `${port}:80/tcp`));
    // A dry run first: the report says what would be imported, and nothing is in the library yet.
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report).toContainText('Read a Portainer template list: 2 templates would be imported into your library');
    await expect(report).toContainText('Nothing is written until you import.');
    await page.screenshot({ path: test.info().outputPath('templates-import-check.png') });
    await dialog.getByRole('button', { name: 'Import 2 templates' }).click();
    await expect(report).toContainText('Read a Portainer template list: 2 templates imported into your library');
    await expect(report.getByRole('list', { name: 'Import problems' })).toContainText('https://git.example/portainer/templates (stacks/wiki/docker-compose.yml)');
    await page.screenshot({ path: test.info().outputPath('templates-import-report.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The catalog: the imported templates are in "My library", found by search and category.
    await page.getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'My library' }).click();
    await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'Demo' }).click();
    const cards = page.getByRole('list', { name: 'Templates' });
    await expect(cards.getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('templates-catalog.png') });
    await cards.getByRole('listitem', { name: 'Greeting page' }).getByRole('link').click();

    await expect(page.getByRole('heading', { name: 'Greeting page', level: 1 })).toBeVisible();
    // The note is Markdown shown as text: its HTML is not rendered.
    await expect(page.getByRole('region', { name: 'Documentation' })).toContainText('Serves <b>one page</b>');
    await page.getByRole('tab', { name: 'compose.yaml' }).click();
    // (Monaco's sticky scroll has view lines of its own: look for the line, not the first block.)
    await expect(page.locator('.monaco-editor .view-line', { hasText: 'berth-test/busybox:latest' })).toBeVisible({ timeout: 20_000 });

    await page.getByRole('tab', { name: 'Deploy' }).click();
    const form = page.getByRole('form', { name: 'Deploy Greeting page' });
    await form.getByRole('textbox', { name: 'Greeting' }).fill('Hello from the Berth e2e');
    await form.getByRole('textbox', { name: /Project name/ }).fill(PROJECT);
    // The preview is the resolved compose file with the value in it.
    await expect(form.locator('.monaco-editor .view-line', { hasText: 'Hello from the Berth e2e' }).first()).toBeVisible({ timeout: 20_000 });
    // This engine is no swarm manager, so the form offers no stack target.
    await expect(form.getByRole('radio', { name: /swarm stack/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('templates-deploy-form.png') });
    await form.getByRole('button', { name: 'Deploy' }).click();
    await expect(form.getByRole('region', { name: /^Progress: / })).toContainText('— done', { timeout: 60_000 });
    await page.screenshot({ path: test.info().outputPath('templates-deployed.png') });
    await expect.poll(projectContainers, { timeout: 20_000 }).toEqual(['greeting-page running']);
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 15_000 })
      .toBe('Hello from the Berth e2e');

    // The app is a compose project: open it under Compose and take it down there.
    await form.getByRole('link', { name: `open ${PROJECT} under Compose` }).click();
    await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Services' }).getByRole('row', { name: 'greeting-page' })).toContainText('running');
    await page.getByRole('button', { name: 'Down', exact: true }).click();
    await page.getByRole('dialog', { name: `Take ${PROJECT} down?` }).getByRole('button', { name: 'Down', exact: true }).click();
    await expect.poll(projectContainers, { timeout: 30_000 }).toEqual([]);

    // Remove the template from the library (it asks first).
    await openTemplates(page);
    await page.getByRole('list', { name: 'Templates' }).getByRole('listitem', { name: 'Greeting page' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Greeting page from your library?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Greeting page' })).toHaveCount(0);
    await expect(page.getByRole('listitem', { name: 'Redis', exact: true })).toBeVisible();
  });
});
