import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';
const NAMES = ['e2e-logs', 'e2e-shell', 'e2e-busy', 'e2e-files'];

/** From the containers list, the way a user gets there: click the container's name, then a tab. */
async function openDetails(page: Page, name: string, tab: string): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Containers' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/container-details-${name}.png` });

test.describe('container details on a real engine', () => {
  test.afterAll(async () => {
    await docker('rm', '-f', ...NAMES).catch(() => undefined);
  });

  test('follows the logs of a container and finds a line with search', async ({ page }) => {
    await docker('run', '-d', '--name', 'e2e-logs', IMAGE, 'sh', '-c',
      'echo starting; echo "warning: disk almost full" >&2; i=0; while true; do i=$((i+1)); echo "tick-$i"; sleep 0.1; done');
    await openDetails(page, 'e2e-logs', 'Logs');
    const log = page.getByRole('log', { name: 'Logs of e2e-logs' });
    await expect(log).toContainText('starting');
    // Follow keeps the newest line in view while the container prints.
    await expect(log).toContainText('tick-30', { timeout: 15_000 });

    // Search finds the line wherever follow has scrolled to and shows it as it is typed (no Enter); Follow turns
    // off so the ticking lines do not scroll it away.
    await page.getByRole('textbox', { name: 'Search the logs' }).fill('disk almost');
    await expect(page.getByRole('status').filter({ hasText: /^1 of 1$/ })).toBeVisible();
    await expect(log.locator('mark[data-current]')).toHaveText('disk almost');
    await expect(page.getByRole('switch', { name: 'Follow' })).not.toBeChecked();
    await page.waitForTimeout(1_000);
    await expect(log.locator('mark[data-current]')).toBeInViewport();
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(log.locator('mark[data-current]')).toHaveText('disk almost');
    // It came from stderr, and is marked so.
    await expect(log.locator('[data-stream="stderr"]')).toContainText('warning: disk almost full');
    await shot(page, 'logs');

    // The whole log from the engine, not only the lines the view holds.
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download full log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('e2e-logs.log');
    const text = await readFile(await download.path(), 'utf8');
    // Between stdout and stderr the engine's order is a race; each line is there.
    expect(text).toContain('starting\n');
    expect(text).toContain('warning: disk almost full\n');
    expect(text).toMatch(/tick-30\n/);
  });

  test('runs a command in a terminal', async ({ page }) => {
    await docker('run', '-d', '--name', 'e2e-shell', IMAGE, 'sleep', '600');
    await openDetails(page, 'e2e-shell', 'Terminal');
    await page.getByRole('button', { name: 'Connect' }).click();
    const terminal = page.getByLabel('Terminal screen');
    await expect(terminal).toContainText('/ #', { timeout: 15_000 });
    await terminal.click();
    await page.keyboard.type('echo berth-$((6*7))');
    await page.keyboard.press('Enter');
    await expect(terminal).toContainText('berth-42');
    await shot(page, 'terminal');
  });

  test('shows live stats of a busy container', async ({ page }) => {
    await docker('run', '-d', '--name', 'e2e-busy', IMAGE, 'sh', '-c', 'while true; do :; done');
    await openDetails(page, 'e2e-busy', 'Stats');
    const cpu = page.getByRole('group', { name: 'CPU' });
    await expect(cpu).toContainText('%', { timeout: 15_000 });
    const first = await cpu.innerText();
    // A new sample arrives about every second; the figures change with it.
    await expect.poll(async () => cpu.innerText(), { timeout: 15_000 }).not.toBe(first);
    await expect(page.getByRole('group', { name: 'Memory' })).toContainText(/\d+(\.\d)? (B|KiB|MiB)/);
    await shot(page, 'stats');
  });

  test('browses the files of a container and downloads one', async ({ page }) => {
    await docker('run', '-d', '--name', 'e2e-files', IMAGE, 'sh', '-c', 'echo hello from berth > /data.txt; sleep 600');
    await openDetails(page, 'e2e-files', 'Files');
    const files = page.getByRole('grid', { name: 'Files in /' });
    await expect(files.getByRole('row', { name: /data\.txt/ })).toBeVisible();
    await files.getByRole('button', { name: 'etc', exact: true }).click();
    await expect(page.getByRole('grid', { name: 'Files in /etc' }).getByRole('row', { name: /passwd/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: '/' }).click();

    const downloading = page.waitForEvent('download');
    await page.getByRole('grid', { name: 'Files in /' }).getByRole('button', { name: 'Download data.txt' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('data.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe('hello from berth\n');
    await shot(page, 'files');
  });
});
