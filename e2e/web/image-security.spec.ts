import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const run = promisify(execFile);
const TAG = 'e2e-imgsec/suid:1';

test.describe('image findings on a real engine', () => {
  let dir = '';
  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-e2e-imgsec-'));
    const lines = [
      'FROM berth-test/busybox:latest',
      'RUN cp /bin/busybox /bin/suid-tool && chmod 4755 /bin/suid-tool',
      'ENV API_TOKEN=e2e-s3cr3t',
    ];
    await writeFile(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
    await run('docker', ['-H', e2eEnv().dockerHost, 'build', '-q', '-t', TAG, dir], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      timeout: 60_000,
    });
  });
  test.afterAll(async () => {
    await docker('rmi', '-f', TAG).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  test("an image's badge opens its Security tab, and a deep scan finds its setuid file", async ({
    page,
  }, testInfo) => {
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Images' }).click();
    const row = page.getByRole('row', { name: TAG, exact: true });
    await row.getByRole('button', { name: /security findings?, worst high/ }).click();
    const drawer = page.getByRole('presentation');
    await expect(drawer.getByRole('tab', { name: /Security/, selected: true })).toBeVisible();
    await expect(drawer.getByRole('listitem', { name: `Secrets in the image on ${TAG}` })).toContainText(
      'ENV API_TOKEN is set in the image config (values not shown).',
    );
    await expect(drawer).not.toContainText('e2e-s3cr3t');

    await drawer.getByRole('button', { name: 'Deep scan' }).click();
    const setuid = drawer.getByRole('listitem', { name: `setuid/setgid files on ${TAG}` });
    await expect(setuid).toContainText('1 file with setuid/setgid: /bin/suid-tool.', { timeout: 30_000 });
    await expect(drawer.getByRole('button', { name: 'Scan again' })).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath('image-security.png') });
    expect(await docker('ps', '-aq', '--filter', 'label=io.berth.image-scan')).toBe('');

    // The Security page lists it in its Images section.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('textbox', { name: 'Search image findings' }).fill('e2e-imgsec');
    await expect(page.getByRole('listitem', { name: `setuid/setgid files on ${TAG}` })).toBeVisible();
  });
});
