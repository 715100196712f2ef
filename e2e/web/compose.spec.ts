import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openComposeSection, pickProjectFolder as pickIn } from '../support/compose';
import { docker } from '../support/env';

// The projects are copied into a temp folder: the user edits files there through Berth, never the fixtures.
const fixtures = new URL('../fixtures/compose/', import.meta.url).pathname;
const SHOTS = process.env.BERTH_E2E_SHOTS;
let base: string;
const pickProjectFolder = (page: Page, folder: string) => pickIn(page, base, folder);

/** Screenshots for people reviewing the UI (BERTH_E2E_SHOTS=dir); the assertions never depend on them. */
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `compose-${name}.png`) });
}

/** What the engine says about a project's containers, from their compose labels. */
async function composeContainers(project: string): Promise<string[]> {
  const out = await docker('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}} {{.State}}');
  return out.split('\n').filter(Boolean).sort();
}

test.describe('compose projects on a real engine', () => {
  test.beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'berth-e2e-compose-'));
    cpSync(join(fixtures, 'shop'), join(base, 'e2e-shop'), { recursive: true });
    cpSync(join(fixtures, 'broken'), join(base, 'e2e-broken'), { recursive: true });
  });

  test.afterAll(async () => {
    for (const project of ['e2e-shop', 'e2e-broken']) {
      const ids = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`).catch(() => '');
      if (ids) await docker('rm', '-f', ...ids.split('\n')).catch(() => undefined);
    }
    await docker('network', 'rm', 'e2e-shop_default').catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  });

  test('open a project with the folder picker, up with per-service progress, logs, edit, down', async ({ page }) => {
    test.setTimeout(180_000);
    // Monaco's workers must start as same-origin files under the CSP (no blob:, no fallback to the main thread).
    const pageProblems: string[] = [];
    page.on('pageerror', (e) => pageProblems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /web worker/i.test(m.text())) pageProblems.push(`console ${m.type()}: ${m.text()}`);
    });
    await openComposeSection(page);
    await shot(page, '01-projects');

    const dialog = await pickProjectFolder(page, 'e2e-shop');
    const resolved = dialog.getByRole('region', { name: 'Resolved project' });
    await expect(resolved).toContainText('Project e2e-shop with 2 services');
    await shot(page, '02-open-dialog');
    await dialog.getByRole('button', { name: 'Open project' }).click();

    await expect(page.getByRole('heading', { name: 'e2e-shop', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/#\/compose\/e2e-shop$/);

    // The resolved configuration, in the (read-only) Monaco editor.
    await page.getByRole('tab', { name: 'Config' }).click();
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('worker started for $${GREETING:-nobody}');
    await shot(page, '03-config');

    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Up', exact: true }).click();
    const progress = page.getByRole('region', { name: /^Progress: / });
    await expect(progress).toBeVisible();
    const steps = progress.getByRole('list', { name: 'Services progress' });
    await expect(steps.getByRole('listitem', { name: /^web: / })).toBeVisible();
    await expect(steps.getByRole('listitem', { name: /^worker: / })).toBeVisible();
    await expect(progress).toContainText('— done', { timeout: 60_000 });
    await shot(page, '04-up-done');
    await expect(steps.getByRole('listitem', { name: /^web: (Started|Running|Healthy)/ })).toBeVisible();
    await expect(steps.getByRole('listitem', { name: /^worker: (Started|Running|Healthy)/ })).toBeVisible();

    const services = page.getByRole('table', { name: 'Services' });
    await expect(services.getByRole('row', { name: 'web' })).toContainText('running');
    await expect(services.getByRole('row', { name: 'worker' })).toContainText('running');
    await expect(services.getByRole('row', { name: 'web' }).getByRole('link', { name: /→8080\/tcp$/ })).toBeVisible();
    expect(await composeContainers('e2e-shop')).toEqual(['web running', 'worker running']);
    await shot(page, '05-services');

    await page.getByRole('tab', { name: 'Logs' }).click();
    const logs = page.getByRole('log', { name: 'Logs of e2e-shop' });
    await expect(logs).toContainText('worker started for berth');
    await expect(logs).toContainText('web is serving');
    await shot(page, '06-logs');

    // The compose file in the editor: a schema problem and one of Berth's own show inline while typing.
    await page.getByRole('tab', { name: 'Files' }).click();
    const editor = page.locator('.monaco-editor').first();
    await expect(editor.locator('.view-lines')).toContainText('depends_on');
    await editor.locator('.view-lines').click();
    // Completion from the compose-spec schema (monaco-yaml in its worker).
    await page.keyboard.press('Control+a');
    await page.keyboard.type('ser');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('services', { timeout: 15_000 });
    await page.keyboard.press('Escape');
    // One line in flow style (Monaco's auto-indent cannot reshape it): `comand` breaks the schema.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('services: {extra: {image: berth-test/busybox:latest, comand: sleep}}');
    const problems = page.getByRole('list', { name: 'Problems in compose.yaml' });
    await expect(problems).toContainText(/comand/, { timeout: 15_000 });
    await expect(problems).toContainText('Line 1, column 54');
    // The schema (in the editor) and Berth's loader both find it: listed once, in the words Up would use.
    await expect(problems).toContainText('unknown key "comand" is not allowed', { timeout: 15_000 });
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await expect(editor.locator('.squiggly-error').first()).toBeVisible();
    await expect(page.getByText('unsaved changes')).toBeVisible();
    await shot(page, '07-editor-problems');
    // Valid for the schema, but the dependency does not exist: Berth's own check (compose.validate) says so.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('services: {extra: {image: berth-test/busybox:latest, depends_on: [nowhere]}}');
    await expect(problems).toContainText(/nowhere/, { timeout: 15_000 });
    await expect(problems).not.toContainText(/comand/);
    await shot(page, '07-editor-problems');

    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Down', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Take e2e-shop down?' });
    await expect(confirm).toContainText('stops and removes the 2 containers');
    await shot(page, '08-down-confirm');
    await confirm.getByRole('button', { name: 'Down', exact: true }).click();
    await expect(page.getByRole('region', { name: /^Progress: / })).toContainText('— done', { timeout: 60_000 });
    await expect.poll(() => composeContainers('e2e-shop'), { timeout: 20_000 }).toEqual([]);
    await expect(page.getByRole('table', { name: 'Services' }).getByRole('row', { name: 'web' })).not.toContainText('running');
    await shot(page, '09-down-done');
    expect(pageProblems).toEqual([]);
  });

  test('an invalid compose file shows where it is wrong, and nothing is created', async ({ page }) => {
    await openComposeSection(page);
    const dialog = await pickProjectFolder(page, 'e2e-broken');
    const problems = dialog.getByRole('list', { name: 'Compose problems' });
    await expect(problems).toContainText('compose.yaml:5');
    await expect(problems).toContainText(/comand/);
    await expect(dialog.getByRole('button', { name: 'Open project' })).toBeDisabled();
    await shot(page, '10-invalid');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('row', { name: 'e2e-broken' })).toHaveCount(0);
    expect(await composeContainers('e2e-broken')).toEqual([]);
  });
});
