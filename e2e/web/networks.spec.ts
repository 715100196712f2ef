import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';

async function openNetworks(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Networks' }).click();
  await expect(page.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

test.describe('networks page on a real engine', () => {
  test.beforeAll(async () => {
    await docker('rm', '-f', 'e2e-net-app').catch(() => undefined);
    await docker('network', 'rm', 'e2e-net').catch(() => undefined);
    await docker('run', '-d', '--name', 'e2e-net-app', IMAGE, 'sleep', '600');
  });
  test.afterAll(async () => {
    await docker('rm', '-f', 'e2e-net-app').catch(() => undefined);
    await docker('network', 'rm', 'e2e-net').catch(() => undefined);
  });

  test('create a network (with a validation error fixed on the way) and connect a container to it', async ({ page }, testInfo) => {
    await openNetworks(page);
    await expect(row(page, 'bridge')).toContainText('predefined');

    await page.getByRole('button', { name: 'Create network' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create network' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('e2e-net');
    await dialog.getByRole('textbox', { name: 'Subnet' }).fill('10.123.0.0/24');
    await dialog.getByRole('textbox', { name: 'Gateway' }).fill('10.124.0.1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The gateway 10.124.0.1 is not inside the subnet 10.123.0.0/24.');
    await dialog.getByRole('textbox', { name: 'Gateway' }).fill('10.123.0.1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'e2e-net')).toContainText('10.123.0.0/24');
    expect(await docker('network', 'inspect', '-f', '{{(index .IPAM.Config 0).Gateway}}', 'e2e-net')).toBe('10.123.0.1');

    await row(page, 'e2e-net').getByRole('button', { name: 'Connect a container to e2e-net' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect a container to e2e-net' });
    await connect.getByRole('combobox', { name: 'Container' }).click();
    await page.getByRole('option', { name: 'e2e-net-app (running)' }).click();
    await connect.getByRole('textbox', { name: 'Aliases' }).fill('db');
    await connect.getByRole('button', { name: 'Connect' }).click();
    await expect(connect).toBeHidden();
    await expect(row(page, 'e2e-net')).toContainText(/e2e-net-app \(10\.123\.0\.\d+\)/);
    expect(await docker('inspect', '-f', '{{json (index .NetworkSettings.Networks "e2e-net").Aliases}}', 'e2e-net-app')).toContain('"db"');
    await page.screenshot({ path: testInfo.outputPath('networks.png') });

    // Removing it while the container is connected is refused, naming the container; after disconnecting it goes.
    await row(page, 'e2e-net').getByRole('button', { name: 'Remove e2e-net' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove network e2e-net?' });
    await remove.getByRole('button', { name: 'Remove network' }).click();
    await expect(remove.getByRole('alert')).toContainText('Network e2e-net has a container attached: e2e-net-app.');
    await remove.getByRole('button', { name: 'Cancel' }).click();

    await row(page, 'e2e-net').getByRole('button', { name: 'Inspect e2e-net' }).click();
    const drawer = page.getByRole('dialog', { name: 'Network e2e-net' });
    await expect(drawer).toContainText('aliases: db');
    await drawer.getByRole('button', { name: 'Disconnect e2e-net-app' }).click();
    await expect(drawer).toContainText('No container is connected.');
    await drawer.getByRole('button', { name: 'Close details' }).click();
    await row(page, 'e2e-net').getByRole('button', { name: 'Remove e2e-net' }).click();
    await page.getByRole('dialog', { name: 'Remove network e2e-net?' }).getByRole('button', { name: 'Remove network' }).click();
    await expect(row(page, 'e2e-net')).toHaveCount(0);
    await expect(docker('network', 'inspect', 'e2e-net')).rejects.toThrow();
  });
});
