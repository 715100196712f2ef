import { createServer } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { docker, e2eEnv } from '../support/env';

// The app builder against the real engine: build a two-service app by dragging, connect, edit, deploy, reach it.
const IMAGE = 'berth-test/busybox:latest';
const SECOND = 'e2e-builder/web:latest';
const PROJECT = 'e2e-builder';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** A real pointer drag (down, moves, up) from one element's centre to another's. */
async function pointerDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/**
 * Waits until an element stops moving on screen: after Auto layout the canvas animates to fit the new positions
 * (fitView over 200 ms), and a drag that starts mid-animation lands on the node body instead of its handle.
 */
async function settled(locator: Locator): Promise<void> {
  let last = '';
  let still = 0;
  await expect
    .poll(async () => {
      const box = JSON.stringify(await locator.boundingBox());
      still = box === last ? still + 1 : 0;
      last = box;
      return still >= 2;
    }, { intervals: [120] })
    .toBe(true);
}

const yamlView = (page: Page) => page.getByRole('region', { name: 'Compose YAML' }).locator('.monaco-editor .view-lines');

test.describe('the app builder', () => {
  // A builder wants room: palette, canvas, inspector and the YAML side by side.
  test.use({ viewport: { width: 1600, height: 900 } });
  test.beforeAll(async () => {
    await docker('tag', IMAGE, SECOND);
  });
  test.afterAll(async () => {
    const ids = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${PROJECT}`).catch(() => '');
    if (ids) await docker('rm', '-f', ...ids.split('\n')).catch(() => undefined);
    await docker('network', 'rm', `${PROJECT}_default`).catch(() => undefined);
    await docker('rmi', SECOND).catch(() => undefined);
  });

  test('drag two images, connect them, edit, deploy and reach the web service; YAML edits change the canvas', async ({ page }) => {
    test.setTimeout(180_000);
    const port = await freePort();
    await page.goto(e2eEnv().url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'App builder' }).click();
    await expect(page.getByRole('heading', { name: 'App builder', level: 1 })).toBeVisible();
    const canvas = page.getByRole('region', { name: 'Canvas' });
    const palette = page.getByRole('navigation', { name: 'Palette' });

    // Drag two local images from the palette onto the canvas (HTML drag and drop).
    await palette.getByRole('button', { name: `Add ${IMAGE}` }).dragTo(canvas, { targetPosition: { x: 420, y: 120 } });
    const worker = canvas.getByRole('group', { name: 'service busybox' });
    await expect(worker).toBeVisible();
    await palette.getByRole('button', { name: `Add ${SECOND}` }).dragTo(canvas, { targetPosition: { x: 120, y: 300 } });
    const web = canvas.getByRole('group', { name: 'service web' });
    await expect(web).toBeVisible();
    await expect(yamlView(page)).toContainText(`image: ${SECOND}`, { timeout: 20_000 });

    // The layered layout puts them apart; then connect web → busybox by dragging from web's handle to busybox.
    const before = await yamlView(page).innerText();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect(yamlView(page)).toContainText('busybox: {x: 0, y: 0}');
    await expect.poll(() => yamlView(page).innerText()).not.toBe(before);
    await settled(web.locator('.react-flow__handle-right'));
    await settled(worker.locator('.react-flow__handle-left'));
    await pointerDrag(page, web.locator('.react-flow__handle-right'), worker.locator('.react-flow__handle-left'));
    await expect(page.getByRole('status').filter({ hasText: 'web now depends on busybox' })).toBeVisible();
    await expect(yamlView(page)).toContainText('depends_on:');

    // The keyboard way: "Connect to…" from the inspector also works (here a no-op: already connected).
    await web.click();
    const form = page.getByRole('form', { name: 'Service web' });
    await form.getByRole('textbox', { name: 'Ports' }).fill(`${port}:80`);
    await form.getByRole('textbox', { name: 'Environment' }).fill('GREETING=hello-builder');
    await form.getByRole('textbox', { name: 'Command', exact: true }).fill('sh -c "mkdir -p /www && echo $$GREETING > /www/index.html && exec httpd -f -p 80 -h /www"');
    await expect(yamlView(page)).toContainText(`${port}:80`);
    await expect(yamlView(page)).toContainText('GREETING: hello-builder');
    await expect(web).toContainText(`${port}:80`);

    await worker.click();
    await page.getByRole('form', { name: 'Service busybox' }).getByRole('textbox', { name: 'Command', exact: true }).fill('sleep 3600');
    await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0, { timeout: 15_000 });

    // Deploy: saved to the library, then deployed as a compose project on the real engine.
    await page.getByRole('toolbar', { name: 'Builder actions' }).getByRole('button', { name: 'Deploy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deploy' });
    await dialog.getByRole('textbox', { name: 'Template title' }).fill('E2E builder app');
    await dialog.getByRole('textbox', { name: 'Project name' }).fill(PROJECT);
    await dialog.getByRole('button', { name: 'Deploy' }).click();
    await expect(dialog.getByRole('region', { name: /^Progress: / })).toContainText('— done', { timeout: 60_000 });
    await expect(dialog.getByRole('link', { name: `Open ${PROJECT} under Compose` })).toBeVisible();
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '')).trim(), { timeout: 20_000 })
      .toBe('hello-builder');
    const services = await docker('ps', '--filter', `label=com.docker.compose.project=${PROJECT}`, '--format', '{{.Label "com.docker.compose.service"}}');
    expect(services.split('\n').sort()).toEqual(['busybox', 'web']);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // Edit the YAML: the canvas follows; invalid YAML never wipes it.
    const editor = yamlView(page);
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('services: {api: {image: x}, cache: {image: y}}');
    await expect(canvas.getByRole('group', { name: 'service api' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'service cache' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'service web' })).toHaveCount(0);
    // A stray closing bracket breaks the YAML: shown inline, and the canvas keeps the last valid version.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' ]]');
    await expect(page.getByRole('region', { name: 'Compose YAML' }).getByRole('alert')).toContainText('last valid version');
    await expect(canvas.getByRole('group', { name: 'service api' })).toBeVisible();

    // Undo (outside the editor) steps back through the typing until the deployed app is on the canvas again.
    await canvas.click({ position: { x: 30, y: 30 } });
    const back = canvas.getByRole('group', { name: 'service web' });
    for (let i = 0; i < 20 && (await back.count()) === 0; i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(100);
    }
    await expect(back).toBeVisible();
    await expect(yamlView(page)).toContainText('GREETING: hello-builder');
  });
});
