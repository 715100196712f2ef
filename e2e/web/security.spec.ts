import { expect, test } from '@playwright/test';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { e2eEnv } from '../support/env';

/** Raw HTTP GET with full control over the Host header (fetch would overwrite it). */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function wsOutcome(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

test.describe('web mode refuses what it must', () => {
  test('a page that is not signed in shows how to sign in, and the API refuses it', async ({ page }) => {
    const { origin } = e2eEnv();
    await page.goto(`${origin}/`);
    await expect(page.getByRole('heading', { name: 'Sign in to Berth' })).toBeVisible();
    await expect(page.getByText(/link Berth printed/)).toBeVisible();
    expect(await rawGet(`${origin}/api/health`, { host: new URL(origin).host })).toBe(401);
  });

  test('the printed link signs in one browser once; a second browser gets no session', async ({
    browser,
  }) => {
    const { loginUrl } = e2eEnv();
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(loginUrl);
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(page).not.toHaveURL(/code=/); // the code leaves the address bar at once
    await page.reload(); // the session outlives a reload (it is kept by this origin)
    await expect(page.getByRole('navigation')).toBeVisible();
    const second = await browser.newContext();
    const other = await second.newPage();
    await other.goto(loginUrl);
    await expect(other.getByText(/already used or has expired/)).toBeVisible();
    await first.close();
    await second.close();
  });

  test('another server on a loopback port receives nothing usable from a signed-in browser', async ({
    page,
    context,
  }) => {
    const { origin, url } = e2eEnv();
    await page.goto(url);
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(await context.cookies()).toEqual([]);

    let received: IncomingHttpHeaders | undefined;
    const dev = createServer((req, res) => {
      if (req.url === '/') received = req.headers;
      res.setHeader('content-type', 'text/html');
      res.end('<p>a dev server</p>');
    });
    await new Promise<void>((r) => dev.listen(0, '127.0.0.1', r));
    const port = (dev.address() as { port: number }).port;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect(page.getByText('a dev server')).toBeVisible();
    } finally {
      await new Promise<void>((r) => dev.close(() => r()));
    }
    expect(received).toBeDefined();
    expect(received?.cookie).toBeUndefined();
    const host = new URL(origin).host;
    for (const value of Object.values(received ?? {}).flat()) {
      if (typeof value !== 'string') continue;
      expect(await rawGet(`${origin}/api/health`, { host, 'x-berth-token': value })).not.toBe(200);
    }
  });

  test('a request with a foreign Host header is refused even with the token (DNS rebinding)', async () => {
    const { origin, token } = e2eEnv();
    const port = new URL(origin).port;
    expect(
      await rawGet(`${origin}/api/health`, { 'x-berth-token': token, host: `evil.example:${port}` }),
    ).toBeGreaterThanOrEqual(400);
    expect(await rawGet(`${origin}/api/health`, { 'x-berth-token': token, host: `127.0.0.1:${port}` })).toBe(
      200,
    );
  });

  test('WebSockets need a credential and the right Origin', async () => {
    const { origin, token } = e2eEnv();
    const wsUrl = `${origin.replace('http', 'ws')}/api/ws`;
    expect(await wsOutcome(wsUrl, {})).not.toBe('open');
    expect(await wsOutcome(wsUrl, { 'x-berth-token': token, origin: 'http://evil.example' })).not.toBe(
      'open',
    );
    expect(await wsOutcome(wsUrl, { 'x-berth-token': token })).toBe('open');
  });
});
