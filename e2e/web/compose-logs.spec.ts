import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openProject } from '../support/compose';
import { docker } from '../support/env';

// Two services write at the same time: the merged log must read as one timeline, the same every time.

const PROJECT = 'e2e-timeline';
const chatty = (name: string) =>
  `  ${name}:\n    image: berth-test/busybox:latest\n    init: true\n    command: sh -c "i=0; while [ $$i -lt 6 ]; do echo ${name}-line-$$i; i=$$((i+1)); sleep 0.3; done; exec sleep 3600"\n`;
let base: string;

/** The log view's lines as shown, top to bottom (stamp, container, text). */
async function shownLines(page: Page): Promise<string[]> {
  const log = page.getByRole('log', { name: `Logs of ${PROJECT}` });
  await expect(log).toContainText('a-line-5', { timeout: 20_000 });
  await expect(log).toContainText('b-line-5');
  return (await log.locator(':scope > div > div').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

test.describe('merged compose logs', () => {
  test.beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'berth-e2e-logs-'));
    mkdirSync(join(base, PROJECT));
    writeFileSync(join(base, PROJECT, 'compose.yaml'), `services:\n${chatty('a')}${chatty('b')}`);
  });
  test.afterAll(async () => {
    const ids = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${PROJECT}`).catch(() => '');
    if (ids) await docker('rm', '-f', ...ids.split('\n')).catch(() => undefined);
    await docker('network', 'rm', `${PROJECT}_default`).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  });

  test("the backlog of every service is ordered by the engine's timestamps, stable between openings", async ({ page }) => {
    test.setTimeout(120_000);
    await openProject(page, base, PROJECT);
    await page.getByRole('button', { name: 'Up', exact: true }).click();
    await expect(page.getByRole('region', { name: /^Progress: / })).toContainText('— done', { timeout: 60_000 });
    // Let both finish writing, so the view opens on a backlog only.
    await expect.poll(async () => (await docker('logs', `${PROJECT}-b-1`)).includes('b-line-5'), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await docker('logs', `${PROJECT}-a-1`)).includes('a-line-5'), { timeout: 20_000 }).toBe(true);

    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('switch', { name: 'Timestamps' }).check();
    const first = await shownLines(page);
    expect(first).toHaveLength(12);
    const stamps = first.map((l) => l.slice(0, 23));
    expect(stamps.every((s) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(s))).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    // Written at the same time, so they interleave (grouped by container, the first six would all be one service).
    expect(new Set(first.slice(0, 6).map((l) => /([ab])-line/.exec(l)?.[1])).size).toBe(2);

    // Open the view again: the same timeline.
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('switch', { name: 'Timestamps' }).check();
    expect(await shownLines(page)).toEqual(first);
  });
});
