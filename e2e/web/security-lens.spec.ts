import { expect, test } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

const IMAGE = 'berth-test/busybox:latest';
const NAME = 'e2e-lens-priv';

test.describe('security lens on a real engine', () => {
  test.beforeAll(async () => {
    await docker('rm', '-f', NAME).catch(() => undefined);
    // Created, not started: the audit reads settings, and runc here cannot start a privileged container.
    await docker('create', '--name', NAME, '--privileged', '--restart', 'always', IMAGE, 'sleep', '600');
  });
  test.afterAll(async () => {
    await docker('rm', '-f', NAME).catch(() => undefined);
  });

  test("the Security page shows a privileged container's finding and a one-click fix clears one", async ({ page }, testInfo) => {
    await page.goto(e2eEnv().url);
    await page.getByRole('link', { name: 'Security' }).click();
    await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Findings by severity' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Search findings' }).fill(NAME);

    const privileged = page.getByRole('listitem', { name: `Privileged container on ${NAME}` });
    await expect(privileged).toContainText('Runs in privileged mode.');
    await expect(privileged).toContainText('CIS 5.5');
    await privileged.getByRole('button', { name: 'Why and how to fix' }).click();
    await expect(privileged).toContainText('whoever controls it controls the host');
    const noNewPrivileges = page.getByRole('listitem', { name: `no-new-privileges not set on ${NAME}` });
    await expect(noNewPrivileges).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('security-page.png') });

    await noNewPrivileges.getByRole('button', { name: `Recreate with no-new-privileges (${NAME})` }).click();
    const dialog = page.getByRole('dialog', { name: `Recreate with no-new-privileges: ${NAME}` });
    await dialog.getByRole('button', { name: 'Recreate with the fix' }).click();
    await expect(dialog).toBeHidden();
    // The recreated container (a new ID) arrives as a live patch: the fixed finding is gone, the rest stays.
    await expect(noNewPrivileges).toBeHidden();
    await expect(page.getByRole('listitem', { name: `Privileged container on ${NAME}` })).toBeVisible();
    expect(await docker('inspect', '-f', '{{json .HostConfig.SecurityOpt}}', NAME)).toContain('no-new-privileges');

    // The containers list carries the badge, linking to the container's Security tab.
    await page.getByRole('link', { name: 'Containers' }).click();
    const badge = page.getByRole('row', { name: NAME, exact: true }).getByRole('link', { name: /security findings, worst high/ });
    await badge.click();
    await expect(page.getByRole('listitem', { name: `Privileged container on ${NAME}` })).toBeVisible();
  });
});
