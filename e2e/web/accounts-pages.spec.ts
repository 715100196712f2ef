import type Dockerode from 'dockerode';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ensureTestImage, TEST_IMAGE } from '../harness/image';
import { swarmNodeClient } from '../harness/swarm';
import { SWARM_DIR_ENV, sharedTestSwarm } from '../harness/swarm-setup';
import { startBerthWeb, type BerthWeb } from '../support/berth-web';

/**
 * Accounts mode (ADR 18) beyond the lists: a viewer signed in to `berth web --accounts` (on the shared test swarm's
 * manager, so Swarm secrets are there) opens Compose, Templates and Swarm secrets and is offered nothing that
 * changes them, and the server still refuses those calls when the viewer's session makes them directly.
 */
const VIEWER_PASSWORD = 'viewer password for e2e pages';
const suffix = Date.now().toString(36);
const PROJECT = `e2e-roles-${suffix}`;
const SECRET = `e2e_roles_${suffix}`;
let web: BerthWeb;
let manager: Dockerode;
let secretId = '';

async function call(request: APIRequestContext, token: string, method: string, params: unknown) {
  const res = await request.post(`${web.origin}/api/call/${method}`, { headers: { 'x-berth-token': token, 'content-type': 'application/json' }, data: params });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  const dir = process.env[SWARM_DIR_ENV];
  if (!dir) throw new Error(`${SWARM_DIR_ENV} is not set: the e2e global setup did not reserve the shared swarm`);
  const info = await sharedTestSwarm(dir);
  manager = swarmNodeClient(info.managerEndpoint);
  web = await startBerthWeb({ engine: info.managerEndpoint, args: ['--accounts'] });
  // A compose project (as the compose CLI labels its containers) and a secret, made as the local admin.
  await ensureTestImage(manager);
  const labels = { 'com.docker.compose.project': PROJECT, 'com.docker.compose.service': 'web', 'com.docker.compose.container-number': '1', 'com.docker.compose.oneoff': 'False' };
  const container = await manager.createContainer({ name: `${PROJECT}-web-1`, Image: TEST_IMAGE, Cmd: ['sleep', '600'], Labels: labels });
  await container.start();
  const secret = await call(request, web.token, 'secrets.create', { name: SECRET, labels: {}, content: 'not for viewers' });
  expect(secret.ok).toBe(true);
  secretId = (secret.value as { id: string }).id;
  // The first admin through the one-time setup token (first run), then the viewer.
  const setup = await request.post(`${web.origin}/api/setup`, { data: { token: web.setupToken, username: 'root', password: 'admin password for e2e pages' } });
  expect(setup.ok()).toBe(true);
  const viewer = await call(request, web.token, 'accounts.create', { username: 'vera', password: VIEWER_PASSWORD, role: 'viewer' });
  expect(viewer.ok).toBe(true);
});

test.afterAll(async () => {
  await manager?.getContainer(`${PROJECT}-web-1`).remove({ force: true }).catch(() => undefined);
  if (secretId) await manager?.getSecret(secretId).remove().catch(() => undefined);
  await web?.stop();
});

test('a viewer sees Compose, Templates and Swarm secrets without a mutating action, and the server refuses them', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(web.origin);
  await page.getByLabel('Username').fill('vera');
  await page.getByLabel(/^Password/).fill(VIEWER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Account: vera (Viewer)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Activity' })).toHaveCount(0);

  // Compose: the project is listed, with no action and no "Open project…"; its page has no files tabs.
  await page.getByRole('link', { name: 'Compose' }).click();
  const row = page.getByRole('row', { name: PROJECT });
  await expect(row).toContainText('running');
  await expect(row.getByRole('button', { name: new RegExp(`^(Up|Start|Stop|Restart|Down) ${PROJECT}$`) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open project…' })).toHaveCount(0);
  await row.getByRole('link', { name: `Open ${PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: PROJECT })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Services' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Logs' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^(Config|Files|Environment)$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Up|Stop|Restart|Down)$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save as template' })).toHaveCount(0);

  // Templates: browse a built-in one and read its file, but no import, deploy or remove.
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('list', { name: 'Templates' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Import…|Remote catalogs…|Save a project…)$/ })).toHaveCount(0);
  await page.getByRole('list', { name: 'Templates' }).getByRole('listitem').first().getByRole('link').first().click();
  await expect(page.getByRole('tab', { name: 'compose.yaml' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Deploy' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Deploy…' })).toHaveCount(0);

  // Swarm secrets: listed, with details, but no create and no remove.
  await page.goto(`${web.origin}/#/swarm/secrets`);
  const secretRow = page.getByRole('row', { name: SECRET });
  await expect(secretRow).toBeVisible();
  await expect(secretRow.getByRole('button', { name: `Details ${SECRET}` })).toBeVisible();
  await expect(secretRow.getByRole('button', { name: `Remove ${SECRET}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create secret' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Local cluster' })).toHaveCount(0);

  // The server refuses the same actions when the viewer's session calls them directly.
  const secret = await page.evaluate(() => (JSON.parse(localStorage.getItem('berth.session') ?? '{}') as { secret: string }).secret);
  for (const [method, params] of [
    ['compose.down', { name: PROJECT }],
    ['compose.stop', { name: PROJECT }],
    ['templates.deploy', { id: 'builtin/nginx', values: {}, projectName: 'e2e-viewer' }],
    ['templates.import', { source: { text: 'services:\n  a:\n    image: x\n', fileName: 'compose.yaml' }, name: 'viewer' }],
    ['secrets.remove', { id: secretId }],
    ['secrets.create', { name: 'viewer_secret', labels: {}, content: 'x' }],
    ['stacks.deploy', { name: 'viewer', source: { content: 'services:\n  a:\n    image: x\n', env: {} } }],
  ] as const) {
    const body = await call(page.request, secret, method, params);
    expect([method, body.error?.code]).toEqual([method, 'FORBIDDEN']);
  }
  expect((await manager.getContainer(`${PROJECT}-web-1`).inspect()).State.Running).toBe(true);
  expect((await manager.getSecret(secretId).inspect()).Spec?.Name).toBe(SECRET);
  await context.close();
});
