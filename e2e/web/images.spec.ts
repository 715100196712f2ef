import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startTestRegistry, type TestRegistry } from '../harness/registry';
import { docker, e2eEnv } from '../support/env';

const run = promisify(execFile);
const BASE = 'berth-test/busybox:latest';

let registry: TestRegistry;
let ref: string;

test.beforeAll(async () => {
  registry = await startTestRegistry();
  ref = `${registry.host}/e2e/busybox:1`;
  // A new layer of a few MB, so the pull in the UI really downloads and extracts something.
  const dockerfile = `FROM ${BASE}\\nRUN head -c 8000000 /dev/urandom > /blob\\n`;
  await run('sh', ['-c', `printf '${dockerfile}' | docker -H ${e2eEnv().dockerHost} build -q -t ${ref} -`], { timeout: 120_000 });
  await docker('push', ref);
  await docker('rmi', ref);
});

test.afterAll(async () => {
  await docker('rmi', '-f', ref).catch(() => undefined);
  await registry?.stop();
});

async function openImages(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: BASE })).toBeVisible();
}

test.describe('images page on a real engine and registry', () => {
  test('pulls from a local registry with progress, then the image is listed', async ({ page }) => {
    await openImages(page);
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByRole('textbox', { name: 'Image reference' }).fill(ref);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const progress = dialog.getByRole('region', { name: `Progress of Pull ${ref}` });
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('status')).toHaveText('Done', { timeout: 60_000 });
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(progress.getByRole('list', { name: 'Steps' })).toContainText(/Pull complete|Already exists/);
    await page.screenshot({ path: 'test-results/e2e/images-pull-done.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const row = page.getByRole('row', { name: ref });
    await expect(row).toBeVisible();
    await expect(row).toContainText('unused');
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', ref)).toMatch(/^sha256:/);
  });

  test('a bad reference is explained inline and nothing is pulled', async ({ page }) => {
    await openImages(page);
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    const input = dialog.getByRole('textbox', { name: 'Image reference' });
    await input.fill('UPPER:case');
    await input.blur();
    await expect(dialog).toContainText('Not a valid image reference: repository names must be lowercase.');
    await expect(dialog.getByRole('button', { name: 'Pull', exact: true })).toBeDisabled();
    await input.fill(`${registry.host}/e2e/busybox:nope`);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(`${registry.host}/e2e/busybox:nope was not found in the registry ${registry.host}`);
    await page.screenshot({ path: 'test-results/e2e/images-pull-error.png' });
    await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('removing an image asks first, says what is lost, and removes it from the engine', async ({ page }) => {
    // An image of its own (a new config over the test image), so removing it leaves the other specs' image alone.
    await run('sh', ['-c', `printf 'FROM ${BASE}\\nLABEL e2e=removable\\n' | docker -H ${e2eEnv().dockerHost} build -q -t e2e/removable:1 -`]);
    await openImages(page);
    const row = page.getByRole('row', { name: 'e2e/removable:1' });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Remove e2e/removable:1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove image e2e/removable:1?' });
    await expect(dialog).toContainText('e2e/removable:1 and its layers');
    await expect(dialog).toContainText('will be deleted from this engine');
    await page.screenshot({ path: 'test-results/e2e/images-remove-confirm.png' });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row).toHaveCount(0);
    await expect(docker('image', 'inspect', 'e2e/removable:1')).rejects.toThrow();
  });

  test('builds from a chosen folder with steps and log, then shows the layers in the details', async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-ctx-'));
    try {
      await writeFile(join(dir, 'Dockerfile'), `FROM ${BASE}\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\n`);
      await writeFile(join(dir, 'hello.txt'), 'hello from the build context\n');
      await openImages(page);
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Build an image' });
      await dialog.getByLabel('Build context folder').setInputFiles(dir);
      await expect(dialog).toContainText('2 files');
      await dialog.getByRole('textbox', { name: 'Tag (repository:tag)' }).fill('e2e/built:1');
      await dialog.getByRole('button', { name: 'Build', exact: true }).click();
      const progress = dialog.getByRole('region', { name: 'Progress of Build e2e/built:1' });
      await expect(progress.getByRole('status')).toHaveText('Done', { timeout: 60_000 });
      await expect(dialog.getByLabel('Build log')).toContainText('hello from the build context');
      await page.screenshot({ path: 'test-results/e2e/images-build-done.png' });
      await dialog.getByRole('button', { name: 'Close' }).click();
      const row = page.getByRole('row', { name: 'e2e/built:1' });
      await row.getByRole('button', { name: 'Details e2e/built:1' }).click();
      const layers = page.getByRole('table', { name: 'Layers' });
      await expect(layers).toContainText('COPY file:');
      await expect(layers).toContainText('RUN cat /hello.txt');
      await page.screenshot({ path: 'test-results/e2e/images-details.png' });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await docker('rmi', '-f', 'e2e/built:1').catch(() => undefined);
    }
  });
});
