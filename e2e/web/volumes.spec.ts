import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';
const VOLUME = 'e2e-vol';

async function openVolumes(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Volumes' }).click();
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

test.describe('volumes page on a real engine', () => {
  test.beforeEach(async () => {
    await docker('volume', 'rm', '-f', VOLUME).catch(() => undefined);
    await docker('run', '--rm', '-v', `${VOLUME}:/data`, IMAGE, 'sh', '-c', 'mkdir -p /data/notes && echo precious > /data/note.txt && echo more > /data/notes/2.txt');
  });
  test.afterAll(async () => {
    await docker('volume', 'rm', '-f', VOLUME).catch(() => undefined);
  });

  test('back up a volume, delete it, restore it from the downloaded backup, and read the file back', async ({ page }, testInfo) => {
    await openVolumes(page);
    await expect(row(page, VOLUME)).toBeVisible();
    await expect(row(page, VOLUME)).toContainText('unused');

    // Browse it: the files are there, without any container being started.
    await row(page, VOLUME).getByRole('button', { name: `Open ${VOLUME}` }).click();
    const drawer = page.getByRole('dialog', { name: `Volume ${VOLUME}` });
    const files = drawer.getByRole('grid', { name: `Files in ${VOLUME}` });
    await expect(files.getByRole('row', { name: 'note.txt', exact: true })).toBeVisible();
    await files.getByRole('button', { name: 'notes', exact: true }).click();
    await expect(drawer.getByRole('grid', { name: 'Files in notes' }).getByRole('row', { name: '2.txt', exact: true })).toBeVisible();
    await drawer.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: VOLUME }).click();
    await expect(files).toBeVisible();

    // Back up (a task with progress), then download the .tar.gz.
    await drawer.getByRole('button', { name: 'Back up' }).click();
    const downloadButton = drawer.getByRole('button', { name: 'Download backup' });
    await expect(downloadButton).toBeVisible({ timeout: 30_000 });
    await expect(drawer).toContainText(/Backup ready: e2e-vol-.*\.tar\.gz/);
    await page.screenshot({ path: testInfo.outputPath('volume-drawer.png') });
    const downloading = page.waitForEvent('download');
    await downloadButton.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^e2e-vol-.*\.tar\.gz$/);
    const backup = testInfo.outputPath('e2e-vol-backup.tar.gz');
    await download.saveAs(backup);

    // Delete the volume: the confirmation says the data is lost.
    await drawer.getByRole('button', { name: 'Remove…' }).click();
    const confirm = page.getByRole('dialog', { name: `Remove volume ${VOLUME}?` });
    await expect(confirm).toContainText('All data in this volume');
    await expect(confirm).toContainText('cannot be undone');
    await confirm.getByRole('button', { name: 'Remove volume' }).click();
    await expect(row(page, VOLUME)).toHaveCount(0);
    await expect(docker('volume', 'inspect', VOLUME)).rejects.toThrow();

    // Restore it from the downloaded file into a new volume of the same name.
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    const restore = page.getByRole('dialog', { name: 'Restore a volume from a backup' });
    await restore.getByRole('textbox', { name: 'Volume' }).fill(VOLUME);
    // Berth keeps the backup it made too; this restore goes through the browser, from the downloaded file.
    await restore.getByRole('radio', { name: 'A file from this computer' }).check();
    await restore.getByLabel('Backup file').setInputFiles(backup);
    await expect(restore.getByRole('note', { name: 'What the restore does' })).toContainText(`${VOLUME} does not exist`);
    await expect(restore.getByRole('checkbox', { name: /Create the volume if it does not exist/ })).toBeChecked();
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(restore).toContainText(`into the new volume ${VOLUME}`, { timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('volume-restored.png') });
    await restore.getByRole('button', { name: 'Close' }).click();

    expect(await docker('run', '--rm', '-v', `${VOLUME}:/data`, IMAGE, 'cat', '/data/note.txt', '/data/notes/2.txt')).toBe('precious\nmore');
    await expect(row(page, VOLUME)).toBeVisible();
  });

  test('at 1024×700 with the keyboard: open a volume, upload two files, preview one; the size follows', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openVolumes(page);
    const volumeRow = row(page, VOLUME);
    await expect(volumeRow).toBeVisible();
    await volumeRow.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: `Volume ${VOLUME}` });
    const files = drawer.getByRole('grid', { name: `Files in ${VOLUME}` });
    await expect(files.getByRole('row', { name: 'note.txt', exact: true })).toBeVisible();

    // A double click on a folder's row opens it (once); the breadcrumb leads back.
    await files.getByRole('row', { name: 'notes', exact: true }).dblclick({ position: { x: 400, y: 10 } });
    await expect(drawer.getByRole('grid', { name: 'Files in notes' }).getByRole('row', { name: '2.txt', exact: true })).toBeVisible();
    await expect(drawer.getByRole('navigation', { name: 'Folder path' })).toHaveText(`${VOLUME}notes`);
    await drawer.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: VOLUME }).click();
    await expect(files.getByRole('row', { name: 'note.txt', exact: true })).toBeVisible();

    // Two files at once through the file chooser (the button opens it; the input takes several).
    await drawer.getByLabel('Files to upload').setInputFiles([
      { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('first upload\n') },
      { name: 'b.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(50_000, 1) },
    ]);
    await expect(drawer.getByText(`Uploaded 2 files to ${VOLUME}.`)).toBeVisible({ timeout: 20_000 });
    await expect(files.getByRole('row', { name: 'b.bin', exact: true })).toBeVisible();
    expect(await docker('run', '--rm', '-v', `${VOLUME}:/data`, IMAGE, 'cat', '/data/a.txt')).toBe('first upload');

    // Preview with Enter on the file's row; Escape closes it and focus stays in the drawer.
    await files.getByRole('row', { name: 'note.txt', exact: true }).focus();
    await page.keyboard.press('Enter');
    const preview = page.getByRole('dialog', { name: /note\.txt/ });
    await expect(preview.getByLabel('Contents of note.txt')).toHaveText('precious\n');
    await page.screenshot({ path: testInfo.outputPath('volume-preview-1024.png') });
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await expect(drawer).toBeVisible();

    // The list shows the new size (the upload asked for a fresh disk-usage read).
    await page.keyboard.press('Escape');
    await expect(volumeRow).toContainText(/5\d\.\d kB|5\d kB/, { timeout: 20_000 });
  });

  test('refuses to restore over a volume with files unless overwrite is chosen', async ({ page }, testInfo) => {
    const archive = testInfo.outputPath('empty.tar');
    // A tiny valid tar made with the busybox in the test image.
    const { execFileSync } = await import('node:child_process');
    execFileSync('sh', ['-c', `mkdir -p "${testInfo.outputPath('src')}" && echo new > "${testInfo.outputPath('src')}/note.txt" && tar -C "${testInfo.outputPath('src')}" -cf "${archive}" .`]);
    await openVolumes(page);
    await row(page, VOLUME).getByRole('button', { name: `Open ${VOLUME}` }).click();
    await page.getByRole('dialog', { name: `Volume ${VOLUME}` }).getByRole('button', { name: 'Restore…' }).click();
    const restore = page.getByRole('dialog', { name: 'Restore a volume from a backup' });
    await restore.getByRole('radio', { name: 'A file from this computer' }).check();
    await restore.getByLabel('Backup file').setInputFiles(archive);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(restore.getByRole('alert')).toContainText(`Volume ${VOLUME} is not empty`);
    await restore.getByRole('checkbox', { name: /Overwrite/ }).check();
    await expect(restore).toContainText('cannot be recovered');
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    // Generous: the upload is followed by a task that empties and refills the volume through a helper container.
    await expect(restore).toContainText('replacing what was in the volume', { timeout: 30_000 });
    expect(await docker('run', '--rm', '-v', `${VOLUME}:/data`, IMAGE, 'sh', '-c', 'cat /data/note.txt; ls /data')).toBe('new\nnote.txt');
  });
});
