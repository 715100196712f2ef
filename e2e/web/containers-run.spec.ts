import { createServer, type Server } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';
const SERVE = 'sh -c "mkdir -p /www && echo hello-berth > /www/index.html && httpd -f -p 8080 -h /www"';

async function openContainers(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Containers' }).click();
  await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`^${name}$`) });

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function fillRunDialog(page: Page, name: string, hostPort: number) {
  await page.getByRole('button', { name: 'Run a container' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await dialog.getByRole('combobox', { name: 'Image' }).fill(IMAGE);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Command' }).fill(SERVE);
  await dialog.getByRole('button', { name: 'Add port' }).click();
  await dialog.getByRole('textbox', { name: 'Host port, row 1' }).fill(String(hostPort));
  await dialog.getByRole('textbox', { name: 'Container port, row 1' }).fill('8080');
  return dialog;
}

test.describe('run a container from the UI', () => {
  test.afterEach(async () => {
    await docker('rm', '-f', 'e2e-web', 'e2e-second').catch(() => undefined);
  });

  test('runs a web server that answers on the published port', async ({ page }) => {
    await openContainers(page);
    const hostPort = await freePort();
    const dialog = await fillRunDialog(page, 'e2e-web', hostPort);
    await page.screenshot({ path: test.info().outputPath('run-dialog.png') });
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    const r = row(page, 'e2e-web');
    await expect(r).toContainText(/running/i);
    await expect(r).toBeFocused();
    await expect(r.getByRole('link', { name: `${hostPort}→8080/tcp` })).toBeVisible();
    await expect(page.getByText('Started e2e-web')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('run-started.png') });
    await expect
      .poll(
        async () =>
          (
            await fetch(`http://127.0.0.1:${hostPort}/`)
              .then((res) => res.text())
              .catch(() => '')
          ).trim(),
        { timeout: 10_000 },
      )
      .toBe('hello-berth');
    expect(await docker('inspect', '-f', '{{.State.Running}}', 'e2e-web')).toBe('true');
  });

  test('a bad name shows an inline error and creates nothing', async ({ page }) => {
    await openContainers(page);
    const before = await docker('ps', '-aq');
    await page.getByRole('button', { name: 'Run a container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Run a container' });
    await dialog.getByRole('combobox', { name: 'Image' }).fill(IMAGE);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('-bad name');
    await expect(
      dialog.getByText(
        'Use at least 2 characters: letters, digits, _ . or -, starting with a letter or digit',
      ),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog.getByText('One setting needs fixing: see the highlighted fields.')).toBeVisible();
    await expect(dialog).toBeVisible();
    expect(await docker('ps', '-aq')).toBe(before);
  });

  test('a host port already in use shows the engine error in the dialog with the form intact', async ({
    page,
  }) => {
    const hostPort = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(hostPort, '0.0.0.0', r));
    try {
      await openContainers(page);
      const dialog = await fillRunDialog(page, 'e2e-second', hostPort);
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(dialog.getByRole('alert')).toContainText(`Host port ${hostPort} is already in use`, {
        timeout: 20_000,
      });
      await expect(dialog.getByText(`Port ${hostPort} is already in use on the host`)).toBeVisible();
      await page.screenshot({ path: test.info().outputPath('run-port-in-use.png') });
      await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('e2e-second');
      await expect(dialog.getByRole('textbox', { name: 'Command' })).toHaveValue(SERVE);
      await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveValue(IMAGE);
      await expect(docker('inspect', 'e2e-second')).rejects.toThrow();
    } finally {
      await new Promise((r) => holder.close(r));
    }
  });
});
