import { expect, test } from '@playwright/test';
import { startTestRegistry, type TestRegistry } from '../harness/registry';
import { docker, e2eEnv } from '../support/env';

const BASE = 'berth-test/busybox:latest';

let registry: TestRegistry;
let ref: string;

test.beforeAll(async () => {
  registry = await startTestRegistry();
  ref = `${registry.host}/e2e/regui:1`;
  await docker('tag', BASE, ref);
  await docker('push', ref);
  await docker('rmi', ref);
});

test.afterAll(async () => {
  await docker('rmi', '-f', ref).catch(() => undefined);
  await registry?.stop();
});

test.describe('registries page on a real engine and registry', () => {
  test('adds a registry, searches it, opens the repository, sees the tag and pulls it', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Registries' }).click();
    await expect(page.getByRole('heading', { name: 'Registries', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Manage registries' }).click();
    const settings = page.getByRole('dialog', { name: 'Registries' });
    await settings.getByRole('button', { name: 'Add registry' }).click();
    const form = page.getByRole('dialog', { name: 'Add a registry' });
    await form.getByRole('textbox', { name: 'Name' }).fill('E2E local');
    await form.getByRole('textbox', { name: 'Address' }).fill(`http://${registry.host}`);
    await form.getByRole('checkbox', { name: 'Insecure (HTTP or unverified TLS)' }).check();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toContainText('Connected');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(form).toBeHidden();
    await expect(settings.getByRole('list', { name: 'Saved registries' })).toContainText('E2E local');
    await settings.getByRole('button', { name: 'Close' }).click();

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
    await expect(page.getByRole('region', { name: `Details of ${ref}` }).getByRole('region', { name: /Layers/ })).toContainText('sha256:');

    await page.getByRole('button', { name: 'Pull 1', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await expect(dialog.getByRole('textbox', { name: 'Image reference' })).toHaveValue(ref);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(dialog.getByRole('region', { name: `Progress of Pull ${ref}` }).getByRole('status')).toHaveText('Done', { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/e2e/registries-pulled.png' });
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', ref)).toMatch(/^sha256:/);
  });
});
