import { expect, test, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';

async function openContainers(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Containers' }).click();
  await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });

test.describe('containers page on a real engine', () => {
  test.afterEach(async () => {
    await docker('rm', '-f', 'e2e-live', 'e2e-actions').catch(() => undefined);
  });

  test('a container run with the docker CLI appears, and disappears when removed', async ({ page }) => {
    await openContainers(page);
    await docker('run', '-d', '--name', 'e2e-live', IMAGE, 'sleep', '600');
    await expect(row(page, 'e2e-live')).toBeVisible({ timeout: 2_000 });
    await expect(row(page, 'e2e-live')).toContainText(/running/i);
    await docker('stop', '-t', '0', 'e2e-live');
    await expect(row(page, 'e2e-live')).toContainText(/exited/i, { timeout: 2_000 });
    await docker('rm', 'e2e-live');
    await expect(row(page, 'e2e-live')).toHaveCount(0, { timeout: 2_000 });
  });

  test('stop and start from the UI change the engine state', async ({ page }) => {
    await docker('run', '-d', '--name', 'e2e-actions', IMAGE, 'sleep', '600');
    await openContainers(page);
    const r = row(page, 'e2e-actions');
    await expect(r).toContainText(/running/i);

    await r.getByRole('button', { name: 'Stop e2e-actions', exact: true }).click();
    await expect(r).toContainText(/exited/i, { timeout: 20_000 });
    expect(await docker('inspect', '-f', '{{.State.Status}}', 'e2e-actions')).toBe('exited');

    await r.getByRole('button', { name: 'Start e2e-actions', exact: true }).click();
    await expect(r).toContainText(/running/i);
    expect(await docker('inspect', '-f', '{{.State.Running}}', 'e2e-actions')).toBe('true');

    await r.getByRole('button', { name: 'Remove e2e-actions', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('e2e-actions');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(r).toHaveCount(0);
    await expect(docker('inspect', 'e2e-actions')).rejects.toThrow();
  });
});
