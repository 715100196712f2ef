import { expect, type Page } from '@playwright/test';
import { docker, e2eEnv } from './env';

export const TEST_IMAGE = 'berth-test/busybox:latest';

/** One object of each list, made with the docker CLI as a user would, named so the specs find their rows. */
export const listFixtures = { container: 'e2e-lists-web', volume: 'e2e-lists-vol', network: 'e2e-lists-net' };

export async function createListFixtures(): Promise<void> {
  await removeListFixtures();
  await docker('volume', 'create', listFixtures.volume);
  await docker('network', 'create', listFixtures.network);
  await docker(
    'run',
    '-d',
    '--name',
    listFixtures.container,
    '--network',
    listFixtures.network,
    '-p',
    '127.0.0.1::80',
    TEST_IMAGE,
    'sleep',
    '600',
  );
  // A new bridge is a network change to Chromium, which then aborts requests in flight
  // (net::ERR_NETWORK_CHANGED) — e.g. the lazy page chunks of the first page load. Let it settle first.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

export async function removeListFixtures(): Promise<void> {
  await docker('rm', '-f', listFixtures.container).catch(() => undefined);
  await docker('network', 'rm', listFixtures.network).catch(() => undefined);
  await docker('volume', 'rm', listFixtures.volume).catch(() => undefined);
}

/** Every list page, with the row each spec acts on. */
export const listPages = [
  { section: 'Containers', grid: 'Containers', row: listFixtures.container },
  { section: 'Images', grid: 'Images', row: TEST_IMAGE },
  { section: 'Volumes', grid: 'Volumes', row: listFixtures.volume },
  { section: 'Networks', grid: 'Networks', row: listFixtures.network },
] as const;

export async function openSection(page: Page, section: string): Promise<void> {
  await page.goto(e2eEnv().url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
}

export const gridRow = (page: Page, grid: string, name: string) =>
  page.getByRole('grid', { name: grid }).getByRole('row', { name, exact: true });
