import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openProject } from '../support/compose';
import { e2eEnv } from '../support/env';

// Nothing the user typed is lost silently: drafts survive tab switches, leaving or reloading asks first,
// Ctrl+S saves, and the run dialog asks before Escape or a click outside drops a filled form.

const fixtures = new URL('../fixtures/compose/', import.meta.url).pathname;
let base: string;

const sidebarLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });

test.describe('unsaved input', () => {
  test.beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'berth-e2e-unsaved-'));
    cpSync(join(fixtures, 'shop'), join(base, 'e2e-drafts'), { recursive: true });
  });
  test.afterAll(() => rmSync(base, { recursive: true, force: true }));

  test('a compose file draft survives tab switches, leaving and reloading ask first, Ctrl+S saves', async ({ page }) => {
    const file = join(base, 'e2e-drafts', 'compose.yaml');
    const original = readFileSync(file, 'utf8');
    await openProject(page, base, 'e2e-drafts');
    await page.getByRole('tab', { name: 'Files' }).click();
    const editor = page.locator('.monaco-editor').first();
    await expect(editor.locator('.view-lines')).toContainText('depends_on', { timeout: 20_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# a note of mine');
    await expect(page.getByText('unsaved changes')).toBeVisible();

    await page.getByRole('tab', { name: 'Config' }).click();
    await page.getByRole('tab', { name: 'Files' }).click();
    await expect(editor.locator('.view-lines')).toContainText('# a note of mine');
    await expect(page.getByText('unsaved changes')).toBeVisible();

    await sidebarLink(page, 'Images').click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(ask).toContainText('Your changes to compose.yaml are not saved');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/#\/compose\/e2e-drafts\/files$/);

    // A reload asks through the browser's own prompt; staying keeps the draft.
    const prompt = page.waitForEvent('dialog');
    const reloading = page.reload({ timeout: 5_000 }).then(() => 'reloaded', () => 'stayed');
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(await reloading).toBe('stayed');
    await expect(editor.locator('.view-lines')).toContainText('# a note of mine');

    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+s');
    await expect(page.getByText('unsaved changes')).toBeHidden();
    await expect.poll(() => readFileSync(file, 'utf8')).toContain('# a note of mine');
    expect(readFileSync(file, 'utf8').startsWith(original.trimEnd())).toBe(true);

    // Saved: nothing to lose, so the sidebar just goes.
    await sidebarLink(page, 'Images').click();
    await expect(page).toHaveURL(/#\/images$/);
    await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toHaveCount(0);
  });

  test('a .env edit: Discard and leave drops it and goes', async ({ page }) => {
    await openProject(page, base, 'e2e-drafts');
    await page.getByRole('tab', { name: 'Environment' }).click();
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('textbox', { name: 'Name of variable 1' }).fill('GREETING');
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByRole('tab', { name: 'Environment' }).click();
    await expect(page.getByRole('textbox', { name: 'Name of variable 1' })).toHaveValue('GREETING');
    await sidebarLink(page, 'Volumes').click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(ask).toContainText('.env');
    await ask.getByRole('button', { name: 'Discard and leave' }).click();
    await expect(page).toHaveURL(/#\/volumes$/);
  });

  test('the run dialog asks before Escape or a click outside discards a filled form', async ({ page }) => {
    await page.goto(e2eEnv().url);
    await sidebarLink(page, 'Containers').click();
    await page.getByRole('button', { name: 'Run a container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Run a container' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('e2e-draft');
    await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 60');

    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Discard what you typed?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('e2e-draft');

    // A click on the backdrop, outside the dialog.
    await page.mouse.click(5, 5);
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();

    // Untouched, Escape simply closes.
    await page.getByRole('button', { name: 'Run a container' }).first().click();
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(ask).toBeHidden();
  });
});
