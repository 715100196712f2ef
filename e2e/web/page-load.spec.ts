import { expect, test } from '@playwright/test';
import { e2eEnv } from '../support/env';

// A page's code is fetched when it is first shown. Chromium aborts requests in flight when the host's network
// changes (a new docker bridge does that: net::ERR_NETWORK_CHANGED); such a failed fetch is tried again instead
// of the page showing "Berth stopped working".
test('a page whose code fetch fails once still opens', async ({ page }) => {
  let aborted = 0;
  await page.route(/\/assets\/VolumesPage-[^/]*\.js$/, async (route) => {
    if (aborted++ === 0) await route.abort('internetdisconnected');
    else await route.continue();
  });
  await page.goto(e2eEnv().url);
  await page.getByRole('link', { name: 'Volumes' }).click();
  await expect(page.getByRole('heading', { name: 'Volumes', exact: true })).toBeVisible();
  await expect(page.getByText('stopped working')).toHaveCount(0);
  expect(aborted).toBeGreaterThanOrEqual(2);
});
