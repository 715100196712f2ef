import { createServer, type Server } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';
import { freePort } from '../support/net';

const IMAGE = 'berth-test/busybox:latest';
const SERVE = 'sh -c "mkdir -p /www && echo hello-berth > /www/index.html && httpd -f -p 8080 -h /www"';

async function openContainers(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Containers' }).click();
  await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`^${name}$`) });


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

  test('at 1024×700 the section headings stay clear of the first row\'s labels', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openContainers(page);
    await page.getByRole('button', { name: 'Run a container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Run a container' });
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    // Filled fields float their labels up over the border: that is where they met the heading.
    await dialog.getByRole('textbox', { name: 'Host IP' }).fill('127.0.0.1');
    await dialog.getByRole('textbox', { name: 'variable name, row 1' }).fill('MODE');
    await page.screenshot({ path: test.info().outputPath('run-dialog-1024.png') });
    for (const [heading, group] of [
      ['Ports', 'Ports'],
      ['Environment', 'Environment variables'],
    ] as const) {
      const headingBox = await dialog.getByText(heading, { exact: true }).boundingBox();
      const label = dialog.getByRole('group', { name: group }).locator('label').first();
      const labelBox = await label.boundingBox();
      expect(headingBox && labelBox, heading).toBeTruthy();
      expect(labelBox!.y, `${heading}: first label below the heading`).toBeGreaterThanOrEqual(headingBox!.y + headingBox!.height);
    }
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

test.describe('edit, copy and prune from the list', () => {
  test.afterEach(async () => {
    await docker('rm', '-f', 'e2e-edit', 'e2e-stopped', 'e2e-shop-web', 'e2e-shop-db').catch(() => undefined);
  });

  test('edit settings recreates the container with the new variable and the same name', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await docker(
      'run',
      '-d',
      '--name',
      'e2e-edit',
      '-e',
      'MODE=old',
      '-l',
      'owner=e2e',
      IMAGE,
      'sh',
      '-c',
      'trap "exit 0" TERM; sleep 600 & wait',
    );
    const oldId = await docker('inspect', '-f', '{{.Id}}', 'e2e-edit');
    await openContainers(page);
    const r = row(page, 'e2e-edit');
    await r.getByRole('button', { name: 'More actions for e2e-edit' }).click();
    await page.screenshot({ path: test.info().outputPath('row-menu.png') });
    await page.getByRole('menuitem', { name: 'Copy as docker run' }).click();
    await expect(page.getByText('docker run command copied (e2e-edit)')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('-e MODE=old');
    expect(copied).toContain('--label owner=e2e');

    await r.getByRole('button', { name: 'More actions for e2e-edit' }).click();
    await page.getByRole('menuitem', { name: 'Edit settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit settings of e2e-edit' });
    const value = dialog.getByRole('textbox', { name: 'variable value, row 1' });
    await expect(value).toHaveValue('old');
    await value.fill('new');
    await page.screenshot({ path: test.info().outputPath('edit-dialog.png') });
    await dialog.getByRole('button', { name: 'Recreate with changes' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByText('Recreated e2e-edit with new env')).toBeVisible();
    await expect(r).toContainText(/running/i);
    expect(
      await docker('inspect', '-f', '{{.Id}} {{index .Config.Labels "owner"}}', 'e2e-edit'),
    ).not.toContain(oldId);
    expect(await docker('inspect', '-f', '{{index .Config.Labels "owner"}}', 'e2e-edit')).toBe('e2e');
    expect(await docker('inspect', '-f', '{{json .Config.Env}}', 'e2e-edit')).toContain('MODE=new');
  });

  test('prune shows the stopped containers first and removes them', async ({ page }) => {
    await docker('create', '--name', 'e2e-stopped', IMAGE, 'true');
    await openContainers(page);
    await expect(row(page, 'e2e-stopped')).toBeVisible();
    await page.getByRole('button', { name: 'Prune stopped…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune stopped containers' });
    const table = dialog.getByRole('table', { name: 'Containers to prune' });
    await expect(table).toContainText('e2e-stopped');
    await expect(table).toContainText('Total reclaimed');
    await page.screenshot({ path: test.info().outputPath('prune-dialog.png') });
    await dialog.getByRole('button', { name: /^Remove \d+ containers?$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'e2e-stopped')).toHaveCount(0);
    await expect(docker('inspect', 'e2e-stopped')).rejects.toThrow();
  });
});

test('groups by compose project, selects a whole group and stops it in bulk', async ({ page }) => {
  const compose = (service: string) => [
    '-l',
    'com.docker.compose.project=e2eshop',
    '-l',
    `com.docker.compose.service=${service}`,
  ];
  const sleeper = ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'];
  await docker('run', '-d', '--name', 'e2e-shop-web', ...compose('web'), IMAGE, ...sleeper);
  await docker('run', '-d', '--name', 'e2e-shop-db', ...compose('db'), IMAGE, ...sleeper);
  try {
    await openContainers(page);
    await page.getByRole('switch', { name: 'Group by project' }).check();
    const group = page.getByRole('row', { name: 'Project e2eshop' });
    await expect(group).toContainText('2 containers, 2 running');
    await group.getByRole('checkbox', { name: 'Select all in e2eshop' }).check();
    const bar = page.getByRole('toolbar', { name: 'Selected containers' });
    await expect(bar).toContainText('2 selected');
    await page.screenshot({ path: test.info().outputPath('grouped-selected.png') });
    await bar.getByRole('button', { name: 'Stop (2)' }).click();
    await expect(group).toContainText('2 containers, 0 running', { timeout: 20_000 });
    expect(await docker('inspect', '-f', '{{.State.Running}}', 'e2e-shop-web', 'e2e-shop-db')).toBe(
      'false\nfalse',
    );
    expect(page.url()).toContain('group=1');
  } finally {
    await docker('rm', '-f', 'e2e-shop-web', 'e2e-shop-db').catch(() => undefined);
  }
});
