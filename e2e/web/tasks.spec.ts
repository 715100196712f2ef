import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TOKEN_HEADER, type TaskInfo, type UploadTask } from '../../engine/contract';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';

async function open(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible();
}

/** A script's credential: the API token in the header (web mode keeps no cookie a request could carry). */
const asScript = () => ({ [TOKEN_HEADER]: e2eEnv().token });

/** Starts an image load the way a script or another Berth window would: a call over HTTP with its own credential. */
async function startLoad(page: Page, size: number): Promise<{ upload: UploadTask; title: string }> {
  const res = await page.request.post(`${e2eEnv().origin}/api/call/images.loadUpload`, {
    data: { size },
    headers: asScript(),
  });
  const body = (await res.json()) as { ok: boolean; value: UploadTask };
  expect(body.ok).toBe(true);
  const list = (await (
    await page.request.post(`${e2eEnv().origin}/api/call/tasks.list`, { data: {}, headers: asScript() })
  ).json()) as {
    value: TaskInfo[];
  };
  const task = list.value.find((t) => t.id === body.value.taskId);
  if (!task) throw new Error('the started task is not listed');
  return { upload: body.value, title: task.title };
}

async function openTasks(page: Page) {
  await page.getByRole('button', { name: /^Tasks/ }).click();
  const panel = page.getByRole('dialog', { name: 'Tasks' });
  await expect(panel).toHaveCSS('opacity', '1'); // the popover has faded in (for the screenshots)
  return panel;
}

test.describe('tasks panel on a real engine', () => {
  test('a running task shows in the app bar, survives a reload, and can be cancelled and dismissed', async ({
    page,
  }) => {
    await open(page);
    const { title } = await startLoad(page, 1_000_000);
    await expect(page.getByRole('button', { name: /^Tasks, \d+ running$/ })).toBeVisible();
    let panel = await openTasks(page);
    let item = panel.getByRole('listitem', { name: title });
    await expect(item).toContainText('Running');
    await expect(item).toContainText('Waiting for the upload to start');
    await page.screenshot({ path: test.info().outputPath('tasks-running.png') });

    await page.reload();
    await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible();
    panel = await openTasks(page);
    item = panel.getByRole('listitem', { name: title });
    await expect(item).toContainText('Running');
    await item.getByRole('button', { name: `Cancel ${title}` }).click();
    await expect(item).toContainText('Cancelled');
    await item.getByRole('button', { name: `Dismiss ${title}` }).click();
    await expect(panel.getByRole('listitem', { name: title })).toHaveCount(0);
  });

  test('an uploaded image tar is loaded; the task finishes and its log is shown', async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-tasks-'));
    try {
      const tar = join(dir, 'image.tar');
      await docker('save', '-o', tar, IMAGE);
      const bytes = await readFile(tar);
      await open(page);
      const { upload, title } = await startLoad(page, bytes.length);
      const res = await page.request.post(`${e2eEnv().origin}/api/transfer/${upload.ticket.transferId}`, {
        data: bytes,
        headers: { 'content-type': 'application/octet-stream', ...asScript() },
      });
      expect(res.status()).toBe(200);
      // The ticket is single-use.
      const again = await page.request.post(`${e2eEnv().origin}/api/transfer/${upload.ticket.transferId}`, {
        data: bytes.subarray(0, 10),
        headers: asScript(),
      });
      expect(again.status()).toBe(404);

      const panel = await openTasks(page);
      const item = panel.getByRole('listitem', { name: title });
      await expect(item).toContainText('Done', { timeout: 30_000 });
      await page.screenshot({ path: test.info().outputPath('tasks-done.png') });
      await item.getByRole('button', { name: `Show log of ${title}` }).click();
      const log = page.getByRole('log', { name: `Log of ${title}` });
      await expect(log).toContainText(/Loaded image/);
      await page.screenshot({ path: test.info().outputPath('tasks-log.png') });
      await page.getByRole('button', { name: 'Close' }).click();
      await expect(log).toHaveCount(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
