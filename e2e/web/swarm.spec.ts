import type Dockerode from 'dockerode';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { TEST_IMAGE } from '../harness/image';
import { swarmNodeClient, type TestSwarmInfo } from '../harness/swarm';
import { SWARM_DIR_ENV, sharedTestSwarm } from '../harness/swarm-setup';
import { startBerthWeb, type BerthWeb } from '../support/berth-web';

// The run's shared real 3-node swarm (created by the first spec that asks, destroyed by the global teardown), a
// `berth web` of its own connected to the manager and on the swarm's data dir (so its Local cluster tab shows that
// cluster), and Chromium. Other tests share the swarm: the service is removed and the drain undone in afterAll.
let info: TestSwarmInfo;
let web: BerthWeb;
let manager: Dockerode;
const SERVICE = `e2e-web-${Date.now().toString(36)}`;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dir = process.env[SWARM_DIR_ENV];
  if (!dir) throw new Error(`${SWARM_DIR_ENV} is not set: the e2e global setup did not reserve the shared swarm`);
  info = await sharedTestSwarm(dir);
  manager = swarmNodeClient(info.managerEndpoint);
  web = await startBerthWeb({ engine: info.managerEndpoint, dataDir: info.dataDir });
});

test.afterAll(async () => {
  await manager?.getService(SERVICE).remove().catch(() => undefined);
  for (const n of info?.nodes ?? []) {
    const node = manager.getNode(n.nodeId);
    const inspected = (await node.inspect()) as { Version: { Index: number }; Spec: Record<string, unknown> };
    if (inspected.Spec.Availability !== 'active') {
      await node.update({ _query: { version: inspected.Version.Index }, _body: { ...inspected.Spec, Availability: 'active' } });
    }
  }
  await web?.stop();
});

async function openSwarm(browser: Browser, tab: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(web.url);
  await page.getByRole('link', { name: 'Swarm' }).click();
  await page.getByRole('tab', { name: tab }).click();
  return page;
}

const board = (page: Page) => page.getByRole('region', { name: 'Nodes and their tasks' });
/** The service's cards in a running state, on the whole board or in one column. */
const running = (scope: Locator) => scope.getByRole('button', { name: new RegExp(`^${SERVICE}\\.\\d+: running`) });

test('a real 3-node swarm: nodes, a 6-replica service spread live, drain and heal, scale, remove', async ({ browser }) => {
  test.setTimeout(120_000);
  const worker = info.nodes.find((n) => n.role === 'worker');
  if (!worker) throw new Error('the test swarm has no worker');
  const page = await openSwarm(browser, 'Nodes');
  for (const n of info.nodes) {
    // A manager's role reads "leader" on the leader.
    await expect(page.getByRole('row', { name: n.hostname })).toContainText(n.role === 'manager' ? /leader|manager/ : 'worker');
  }
  expect(new Set(info.nodes.map((n) => n.hostname)).size).toBe(3);
  await expect(page.getByRole('status').filter({ hasText: /nodes?$/ })).toHaveText('3 nodes');
  // The health summary links a node as #/swarm/nodes/<id>: that address opens its drawer; closing goes back.
  await page.evaluate((id) => (window.location.hash = `#/swarm/nodes/${id}`), worker.nodeId);
  const drawer = page.getByRole('region', { name: `Node ${worker.hostname}` });
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/#\/swarm\/nodes$/);

  // A second window stays on the Visualizer all along: everything below reaches it live, never by a reload.
  const viz = await openSwarm(browser, 'Visualizer');
  for (const n of info.nodes) await expect(board(viz).getByRole('group', { name: n.hostname })).toBeVisible();
  await expect(board(viz).getByRole('group')).toHaveCount(3);

  await page.getByRole('tab', { name: 'Services' }).click();
  await page.getByRole('button', { name: 'Create service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create service' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(SERVICE);
  await dialog.getByRole('textbox', { name: /^Image/ }).fill(TEST_IMAGE);
  await dialog.getByRole('textbox', { name: /^Replicas/ }).fill('6');
  // Ends at once on SIGTERM (a bare `sleep` as PID 1 ignores it and each stop would wait out the 10 s grace).
  await dialog.getByRole('textbox', { name: /^Command/ }).fill(`sh -c "trap 'exit 0' TERM; sleep 100000 & wait"`);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await expect(running(board(viz))).toHaveCount(6, { timeout: 30_000 });
  for (const n of info.nodes) {
    expect(await running(board(viz).getByRole('group', { name: n.hostname })).count()).toBeGreaterThan(0);
  }

  await page.getByRole('tab', { name: 'Nodes' }).click();
  await page.getByRole('button', { name: `More actions for ${worker.hostname}` }).click();
  await page.getByRole('menuitem', { name: 'Drain (move tasks away)' }).click();
  const drained = board(viz).getByRole('group', { name: `${worker.hostname} (drained)` });
  await expect(drained).toBeVisible();
  await expect(running(drained)).toHaveCount(0, { timeout: 30_000 });
  await expect(running(board(viz))).toHaveCount(6, { timeout: 30_000 });
  await page.getByRole('button', { name: `More actions for ${worker.hostname}` }).click();
  await page.getByRole('menuitem', { name: 'Activate' }).click();
  await expect(board(viz).getByRole('group', { name: worker.hostname, exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Services' }).click();
  await page.getByRole('button', { name: `Scale ${SERVICE}` }).click();
  await page.getByRole('textbox', { name: `Replicas of ${SERVICE}` }).fill('2');
  await page.keyboard.press('Enter');
  await expect(running(board(viz))).toHaveCount(2, { timeout: 30_000 });
  const spec = (await manager.getService(SERVICE).inspect()) as { Spec: { Mode: { Replicated?: { Replicas?: number } } } };
  expect(spec.Spec.Mode.Replicated?.Replicas).toBe(2);

  await page.getByRole('button', { name: `Remove ${SERVICE}` }).click();
  await page.getByRole('dialog', { name: `Remove service ${SERVICE}?` }).getByRole('button', { name: 'Remove service' }).click();
  await expect(running(board(viz))).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await manager.listServices({ filters: { name: [SERVICE] } })).length).toBe(0);
});

test('the Local cluster tab shows the cluster Berth made, its nodes, and that Berth is connected to its manager', async ({
  browser,
}) => {
  const page = await openSwarm(browser, 'Local cluster');
  await expect(page.getByText(/3 nodes · .* · Berth is connected to its manager/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Cluster nodes' });
  for (const n of info.nodes) {
    const row = table.getByRole('row', { name: n.name });
    await expect(row).toContainText(n.hostname);
    await expect(row).toContainText(n.role);
    await expect(row).toContainText(n.address);
  }
});
