import { expect, test, type Page } from '@playwright/test';
import { startBerthWeb, type BerthWeb } from '../support/berth-web';
import { docker, e2eEnv } from '../support/env';

/**
 * Accounts mode (ADR 18) in Chromium, on its own `berth web --accounts` and data dir over the shared engine:
 * first-run setup, an admin creates a viewer, the viewer sees lists but no destructive action, and the server
 * refuses those actions when the viewer's session calls them directly.
 */
const IMAGE = 'berth-test/busybox:latest';
const ADMIN_PASSWORD = 'admin password for e2e';
const VIEWER_PASSWORD = 'viewer password for e2e';
let web: BerthWeb;

test.beforeAll(async () => {
  web = await startBerthWeb({ engine: e2eEnv().dockerHost, args: ['--accounts'] });
  await docker('run', '-d', '--name', 'e2e-accounts', IMAGE, 'sleep', '600');
});
test.afterAll(async () => {
  await docker('rm', '-f', 'e2e-accounts').catch(() => {});
  await web?.stop();
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('first-run setup, a viewer sees lists but cannot change anything', async ({ browser }) => {
  expect(web.setupToken).toBeTruthy();
  expect(web.loginUrl).not.toContain('#code=');

  // The admin sets Berth up with the token from the console.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(web.origin);
  await expect(admin.getByRole('heading', { name: 'Set up Berth' })).toBeVisible();
  await admin.getByLabel('Setup token').fill(web.setupToken ?? '');
  await admin.getByLabel('Username').fill('root');
  await admin.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
  await admin.getByLabel('Repeat the password').fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Create admin account' }).click();
  await expect(admin.getByRole('navigation')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Account: root (Admin)' })).toBeVisible();

  // It creates a viewer on the Users page.
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'New user' }).click();
  const form = admin.getByRole('dialog');
  await form.getByLabel('Username').fill('vera');
  await form.getByLabel('Password').fill(VIEWER_PASSWORD);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByRole('table', { name: 'Users' })).toContainText('vera');
  await adminContext.close();

  // The setup page is gone: the next visitor gets the sign-in form.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(web.origin);
  await expect(viewer.getByRole('heading', { name: 'Sign in to Berth' })).toBeVisible();
  await signIn(viewer, 'vera', 'wrong password here');
  await expect(viewer.getByText('Wrong username or password.')).toBeVisible();
  await viewer.getByLabel(/^Password/).fill(VIEWER_PASSWORD);
  await viewer.getByRole('button', { name: 'Sign in' }).click();
  await expect(viewer.getByRole('button', { name: 'Account: vera (Viewer)' })).toBeVisible();

  // Lists are there; destructive and changing actions are not.
  await viewer.getByRole('link', { name: 'Containers' }).click();
  const row = viewer.getByRole('row', { name: /\be2e-accounts\b/ });
  await expect(row).toContainText(/running/i);
  await expect(row.getByRole('button', { name: /^(Stop|Remove|Restart|Pause) e2e-accounts$/ })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Run a container' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Prune/ })).toHaveCount(0);
  await expect(viewer.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await viewer.getByRole('link', { name: 'Images' }).click();
  const image = viewer.getByRole('row', { name: IMAGE });
  await expect(image).toBeVisible();
  await expect(image.getByRole('button', { name: `Remove ${IMAGE}` })).toHaveCount(0);
  await expect(image.getByRole('button', { name: `Tag ${IMAGE}` })).toHaveCount(0);

  // The server refuses them when the viewer's session calls them directly.
  const secret = await viewer.evaluate(() => (JSON.parse(localStorage.getItem('berth.session') ?? '{}') as { secret: string }).secret);
  for (const [method, params] of [
    ['containers.stop', { id: 'e2e-accounts' }],
    ['containers.remove', { id: 'e2e-accounts', force: true }],
    ['accounts.list', {}],
    ['images.remove', { id: IMAGE, force: true }],
  ] as const) {
    const res = await viewer.request.post(`${web.origin}/api/call/${method}`, {
      headers: { 'x-berth-token': secret, 'content-type': 'application/json' },
      data: params,
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string } };
    expect([method, body.error?.code]).toEqual([method, 'FORBIDDEN']);
  }
  expect(await docker('inspect', '-f', '{{.State.Running}}', 'e2e-accounts')).toBe('true');

  // Signing out ends the session on the server too.
  await viewer.getByRole('button', { name: 'Account: vera (Viewer)' }).click();
  await viewer.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(viewer.getByRole('heading', { name: 'Sign in to Berth' })).toBeVisible();
  const after = await viewer.request.post(`${web.origin}/api/call/session.me`, {
    headers: { 'x-berth-token': secret, 'content-type': 'application/json' },
    data: {},
  });
  expect(after.status()).toBe(401);
  await viewerContext.close();

  // The admin finds all of it on the Activity page: the failed sign-in (why, never the password), the
  // sign-in and the sign-out, each with the client address.
  const auditContext = await browser.newContext();
  const auditor = await auditContext.newPage();
  await auditor.goto(web.origin);
  await signIn(auditor, 'root', ADMIN_PASSWORD);
  await auditor.getByRole('link', { name: 'Activity' }).click();
  await auditor.getByRole('textbox', { name: 'User' }).fill('vera');
  await auditor.getByRole('textbox', { name: 'Action starts with' }).fill('auth.');
  const grid = auditor.getByRole('grid', { name: 'Activity' });
  await expect(grid.getByRole('row', { name: 'auth.logout by vera' })).toContainText('127.0.0.1');
  const signIns = grid.getByRole('row', { name: /^auth\.login by vera/ });
  await expect(signIns).toHaveCount(2);
  await expect(grid.getByRole('row', { name: 'auth.login by vera (not signed in)' })).toContainText('wrong password');
  await expect(grid).not.toContainText('wrong password here');
  await auditContext.close();
});
