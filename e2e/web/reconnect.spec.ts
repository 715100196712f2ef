import { expect, test } from '@playwright/test';
import { ensureTestImage, startTestEngine, type TestEngine } from '../harness/engine';
import { startBerthWeb, type BerthWeb } from '../support/berth-web';

// Its own engine and Berth, because this test kills the engine.
let engine: TestEngine;
let web: BerthWeb;

test.beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  web = await startBerthWeb({ engine: engine.endpoint });
});

test.afterAll(async () => {
  await web?.stop();
  await engine?.stop();
});

test('engine killed: the status says unreachable, then Berth reconnects and the list is right without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const keep = await engine.docker.createContainer({ name: 'e2e-survivor', Image: 'berth-test/busybox:latest', Cmd: ['sleep', '600'] });
  await page.goto(web.url);
  await expect(page.getByRole('row', { name: /e2e-survivor/ })).toBeVisible();

  await engine.kill();
  await expect(page.getByRole('button', { name: /^Engine status: .*(unreachable|retrying)/i })).toBeVisible({ timeout: 3_000 });

  await engine.restart();
  // A change made while Berth was disconnected must show up after the reconnect's relist.
  await keep.remove({ force: true });
  await engine.docker.createContainer({ name: 'e2e-newcomer', Image: 'berth-test/busybox:latest', Cmd: ['sleep', '600'] });
  await expect(page.getByRole('button', { name: /^Engine status: Docker \d/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('row', { name: /e2e-newcomer/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /e2e-survivor/ })).toHaveCount(0);
});
