import { expect, test, type Page } from '@playwright/test';
import { e2eEnv } from '../support/env';
import { createListFixtures, gridRow, listPages, openSection, removeListFixtures } from '../support/lists';

test.beforeAll(createListFixtures);
test.afterAll(removeListFixtures);

/** Where the focus is: inside the navigation, the page, or elsewhere (app bar, skip link). */
const focusRegion = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el?.closest('nav')) return 'nav';
    if (el?.closest('main')) return 'main';
    return el?.textContent?.trim() ?? '';
  });

/** The focused element's outline, as the user sees it. */
const focusedOutline = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { style: 'none', width: 0 };
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

test.describe('every page from the keyboard alone', () => {
  test('a skip link comes first, the navigation before the page, and the focus ring is clear', async ({
    page,
  }) => {
    await page.goto(e2eEnv().url);
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    expect((await focusedOutline(page)).style).not.toBe('none');

    // Without the skip link, Tab reaches the navigation before anything on the page.
    const regions: string[] = [];
    for (let i = 0; i < 20 && !regions.includes('main'); i++) {
      await page.keyboard.press('Tab');
      regions.push(await focusRegion(page));
    }
    expect(regions.indexOf('nav')).toBeGreaterThanOrEqual(0);
    expect(regions.indexOf('nav')).toBeLessThan(regions.indexOf('main'));
    const nav = await focusedOutline(page);
    expect(nav.style).not.toBe('none');
    expect(nav.width).toBeGreaterThanOrEqual(2);

    // The skip link moves the focus to the page itself.
    await page.reload();
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await focusRegion(page)).toBe('main');
  });

  test('sortable column headers take the focus, show it, and sort with Enter', async ({ page }) => {
    await openSection(page, 'Volumes');
    const grid = page.getByRole('grid', { name: 'Volumes' });
    await page.getByRole('textbox', { name: 'Filter volumes' }).focus();
    const nameHeader = grid.getByRole('columnheader', { name: 'Name' });
    for (let i = 0; i < 10; i++) {
      if (await nameHeader.getByRole('button').evaluate((b) => b === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(nameHeader.getByRole('button')).toBeFocused();
    const ring = await focusedOutline(page);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Enter');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  });

  for (const list of listPages) {
    test(`${list.section}: Enter opens a row, Shift+F10 and the context-menu key open its actions, Tab reaches them`, async ({
      page,
    }) => {
      await openSection(page, list.section);
      const row = gridRow(page, list.grid, list.row);
      await row.focus();
      // A key press makes the focus "keyboard focus" (focus-visible), as for a user who tabbed here.
      await page.keyboard.press('Shift');
      expect((await focusedOutline(page)).style).not.toBe('none');

      // The context-menu key and Shift+F10 open the row's actions; Escape gives the focus back to the row.
      for (const key of ['ContextMenu', 'Shift+F10']) {
        await page.keyboard.press(key);
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        await expect(menu.getByRole('menuitem').first()).toBeFocused();
        expect(await menu.getByRole('menuitem').count()).toBeGreaterThan(0);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        await expect(row).toBeFocused();
      }

      // Tab goes on to the focused row's own controls (not a dead end of tabindex=-1).
      await page.keyboard.press('Tab');
      const inRow = await row.evaluate(
        (r) => r.contains(document.activeElement) && r !== document.activeElement,
      );
      expect(inRow).toBe(true);
      await row.getByRole('button', { name: `More actions for ${list.row}` }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('menu')).toBeVisible();
      await page.keyboard.press('Escape');

      await row.focus();
      await page.keyboard.press('Enter');
      if (list.section === 'Containers') {
        await expect(page).toHaveURL(/#\/containers\/[0-9a-f]{12,}/);
        await expect(page.getByRole('heading', { name: list.row, level: 1 })).toBeVisible();
      } else {
        await expect(page.getByRole('button', { name: 'Close details' })).toBeVisible();
      }
    });
  }
});
