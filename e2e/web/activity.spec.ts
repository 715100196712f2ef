import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const NETWORK = 'e2e-activity-net';

test.describe('activity (audit log) on a real engine', () => {
  test.beforeAll(async () => {
    await docker('network', 'rm', NETWORK).catch(() => undefined);
  });
  test.afterAll(async () => {
    await docker('network', 'rm', NETWORK).catch(() => undefined);
  });

  test('a change made in the UI appears in Activity, filters narrow it, and the CSV export holds it', async ({ page }, testInfo) => {
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Networks' }).click();
    await page.getByRole('button', { name: 'Create network' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create network' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(NETWORK);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Action starts with' }).fill('networks.');
    const grid = page.getByRole('grid', { name: 'Activity' });
    const row = grid.getByRole('row', { name: /^networks\.create by / }).first();
    await expect(row).toContainText(NETWORK);
    await expect(row).toContainText('OK');
    await page.screenshot({ path: testInfo.outputPath('activity.png'), fullPage: true });

    await row.dblclick();
    const drawer = page.getByRole('dialog', { name: 'Activity networks.create' });
    await expect(drawer.getByLabel('Parameters')).toContainText(`"name": "${NETWORK}"`);
    await drawer.getByRole('button', { name: 'Close' }).click();

    // Nothing failed yet among the network calls: the result filter empties the grid.
    await page.getByRole('combobox', { name: 'Result' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await expect(page.getByText('No entry matches these filters.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Result' }).click();
    await page.getByRole('option', { name: 'All' }).click();
    await expect(row).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,time,user,role,via,method,ok,errorCode,client,params');
    // Web-mode entries carry the client address.
    expect(csv).toMatch(new RegExp(`networks\\.create,true,,127\\.0\\.0\\.1,"\\{""name"":""${NETWORK}""`));
  });
});
