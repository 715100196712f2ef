import { expect, type Page } from '@playwright/test';
import { e2eEnv } from './env';

/** Opens Berth and goes to the Compose section from the sidebar. */
export async function openComposeSection(page: Page): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compose' }).click();
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
}

/** Open project… → type the parent folder → pick the project folder in the picker; returns the dialog. */
export async function pickProjectFolder(page: Page, parent: string, folder: string) {
  await page.getByRole('button', { name: 'Open project…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Open a compose project' });
  const field = dialog.getByRole('textbox', { name: 'Folder or compose file' });
  await expect(field).not.toHaveValue('');
  await field.fill(parent);
  await field.press('Enter');
  const entry = dialog.getByRole('list', { name: 'Folder contents' }).getByRole('button', { name: new RegExp(`^${folder}\\b`) });
  await expect(entry).toContainText('has compose file');
  await entry.click();
  await expect(dialog.getByRole('list', { name: 'Folder contents' })).toContainText('compose.yaml');
  return dialog;
}

/** Picks the folder and opens it: the project's page is shown. */
export async function openProject(page: Page, parent: string, folder: string): Promise<void> {
  await openComposeSection(page);
  const dialog = await pickProjectFolder(page, parent, folder);
  await dialog.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('heading', { name: folder, level: 1 })).toBeVisible();
}
