import { expect, test, type Page } from '@playwright/test';
import { createListFixtures, gridRow, listPages, openSection, removeListFixtures } from '../support/lists';

test.use({ viewport: { width: 1024, height: 700 } });
test.beforeAll(createListFixtures);
test.afterAll(removeListFixtures);

/** Whether anything scrolls sideways: the page, or the list's own grid. */
const sidewaysOverflow = (page: Page, grid: string) =>
  page.evaluate((label) => {
    const g = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`);
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      grid: g ? g.scrollWidth - g.clientWidth : -1,
    };
  }, grid);

async function expectFits(page: Page, list: (typeof listPages)[number]): Promise<void> {
  const row = gridRow(page, list.grid, list.row);
  await expect(row).toBeVisible();
  expect(await sidewaysOverflow(page, list.grid)).toEqual({ page: 0, grid: 0 });
  // The row's actions stay on screen: its menu button holds every action.
  const more = row.getByRole('button', { name: `More actions for ${list.row}` });
  await expect(more).toBeInViewport({ ratio: 1 });
  const box = await more.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
}

test.describe('every list at 1024×700', () => {
  for (const list of listPages) {
    test(`${list.section} fits without sideways scroll, its row actions in view`, async ({ page }) => {
      await openSection(page, list.section);
      await expectFits(page, list);
      if (list.section === 'Containers') {
        await expect(
          gridRow(page, list.grid, list.row).getByRole('button', { name: `Stop ${list.row}` }),
        ).toBeInViewport();
      }
    });
  }

  test('the sidebar collapses to icons, stays collapsed after a reload, and the lists still fit', async ({
    page,
  }) => {
    await openSection(page, 'Containers');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const wide = (await nav.boundingBox())?.width ?? 0;
    await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
    await expect(page.getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const narrow = (await nav.boundingBox())?.width ?? 0;
    expect(narrow).toBeLessThan(80);
    expect(narrow).toBeLessThan(wide);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect((await nav.boundingBox())?.width ?? 0).toBeLessThan(80);
    // Collapsed, each section is still named (icon with an accessible name).
    await nav.getByRole('link', { name: 'Images' }).click();
    await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
    const images = listPages.find((l) => l.section === 'Images');
    if (images) await expectFits(page, images);
  });
});
