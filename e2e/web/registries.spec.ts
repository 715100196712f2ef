import { expect, test, type Page } from '@playwright/test';
import { startTestRegistry, type TestRegistry } from '../harness/registry';
import { docker, e2eEnv } from '../support/env';

const BASE = 'berth-test/busybox:latest';
const LOGIN = { username: 'e2e-pusher', password: 'push-secret-7' };

let registry: TestRegistry;
let authRegistry: TestRegistry;
let ref: string;
let pushed: string;

test.beforeAll(async () => {
  [registry, authRegistry] = await Promise.all([startTestRegistry(), startTestRegistry({ auth: LOGIN })]);
  ref = `${registry.host}/e2e/regui:1`;
  pushed = `${authRegistry.host}/e2e/pushed:7`;
  // An image that declares a port, an env value and a volume, and serves a page on that port.
  const maker = `regui-maker-${Date.now()}`;
  await docker('run', '--name', maker, BASE, 'sh', '-c', 'mkdir -p /www /data && echo hello-regui > /www/index.html');
  await docker(
    'commit',
    '--change', 'EXPOSE 8080/tcp',
    '--change', 'ENV GREETING=hello',
    '--change', 'VOLUME /data',
    '--change', 'CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]',
    maker,
    ref,
  );
  await docker('rm', maker);
  await docker('push', ref);
  await docker('rmi', ref);
});

test.afterAll(async () => {
  const ran = await docker('ps', '-aq', '--filter', `ancestor=${ref}`).catch(() => '');
  if (ran) await docker('rm', '-f', '-v', ...ran.split('\n')).catch(() => undefined);
  await docker('rmi', '-f', ref, pushed).catch(() => undefined);
  await Promise.all([registry?.stop(), authRegistry?.stop()]);
});

async function addRegistry(page: Page, name: string, host: string, login?: { username: string; password: string }) {
  await page.getByRole('button', { name: 'Manage registries' }).click();
  const settings = page.getByRole('dialog', { name: 'Registries' });
  await settings.getByRole('button', { name: 'Add registry' }).click();
  const form = page.getByRole('dialog', { name: 'Add a registry' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Address' }).fill(`http://${host}`);
  await form.getByRole('checkbox', { name: 'Insecure (HTTP or unverified TLS)' }).check();
  if (login) {
    await form.getByRole('textbox', { name: 'User' }).fill(login.username);
    await form.getByLabel('Password').fill(login.password);
  }
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(settings.getByRole('list', { name: 'Saved registries' })).toContainText(name);
  await settings.getByRole('button', { name: 'Close' }).click();
}

test.describe('registries page on a real engine and registry', () => {
  test('adds a registry, searches it, opens a tag, pulls it with progress and runs it with its port', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Registries' }).click();
    await expect(page.getByRole('heading', { name: 'Registries', level: 1 })).toBeVisible();
    await addRegistry(page, 'E2E local', registry.host);

    // Docker Hub is out of reach here: its error shows while the local registry's result still does.
    await page.getByRole('textbox', { name: 'Search images' }).fill('regui');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('button', { name: `Open ${registry.host}/e2e/regui` })).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/e2e/registries-search.png' });
    await results.getByRole('button', { name: `Open ${registry.host}/e2e/regui` }).click();

    const tag = page.getByRole('row', { name: '1', exact: true });
    await expect(tag).toBeVisible();
    await expect(tag).toContainText(/linux\/amd64|linux\/arm64/);
    const details = page.getByRole('region', { name: `Details of ${ref}` });
    await expect(details.getByRole('region', { name: /Layers/ })).toContainText('sha256:');
    await expect(details).toContainText('8080/tcp');
    await tag.click();

    // The engine lacks the image: Run offers the pull first, with its progress, then the prefilled run form.
    await page.getByRole('button', { name: 'Run 1', exact: true }).click();
    const pull = page.getByRole('dialog', { name: 'Pull an image' });
    await expect(pull.getByRole('textbox', { name: 'Image reference' })).toHaveValue(ref);
    await pull.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(pull.getByRole('region', { name: `Progress of Pull ${ref}` }).getByRole('status')).toHaveText('Done', { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/e2e/registries-pulled.png' });
    await pull.getByRole('button', { name: 'Run it' }).click();

    const run = page.getByRole('dialog', { name: 'Run a container' });
    await expect(run.getByRole('combobox', { name: /Image/ })).toHaveValue(ref);
    await expect(run.getByRole('textbox', { name: 'Container port, row 1' })).toHaveValue('8080');
    await expect(run.getByRole('textbox', { name: 'Host port, row 1' })).toHaveValue('');
    await page.screenshot({ path: 'test-results/e2e/registries-run-prefilled.png' });
    await run.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(run).toBeHidden({ timeout: 30_000 });

    const id = await docker('ps', '-q', '--filter', `ancestor=${ref}`, '--filter', 'status=running');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(await docker('inspect', '-f', '{{range .Config.Env}}{{println .}}{{end}}', id)).toContain('GREETING=hello');
    expect(await docker('inspect', '-f', '{{range .Mounts}}{{.Destination}}{{end}}', id)).toBe('/data');
    const published = await docker('port', id, '8080/tcp');
    const port = /:(\d+)$/m.exec(published)?.[1];
    expect(port).toBeTruthy();
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 15_000 }).toBe('hello-regui');
  });

  test('pushes a local image to a chosen registry with its saved login, with progress', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Registries' }).click();
    await addRegistry(page, 'E2E auth', authRegistry.host, LOGIN);

    await page.getByRole('button', { name: 'Push an image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Push an image' });
    await dialog.getByRole('combobox', { name: 'Image' }).click();
    await page.getByRole('option', { name: BASE, exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Registry' }).click();
    await page.getByRole('option', { name: `E2E auth (${authRegistry.host}) as ${LOGIN.username}` }).click();
    await dialog.getByRole('textbox', { name: 'Repository' }).fill('e2e/pushed');
    await dialog.getByRole('textbox', { name: 'Tag' }).fill('7');
    await dialog.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(dialog.getByRole('region', { name: `Progress of Push ${pushed}` }).getByRole('status')).toHaveText('Done', { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/e2e/registries-pushed.png' });
    expect(await authRegistry.tags('e2e/pushed')).toEqual(['7']);
  });
});
