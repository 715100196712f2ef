import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
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
  test('a page without the token is refused', async ({ page }) => {
    const { origin } = e2eEnv();
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.getByText(/token/i).first()).toBeVisible();
  });

  test('a wrong token is refused and the right one lets the page in', async ({ page }) => {
    const { origin, url } = e2eEnv();
    expect((await page.goto(`${origin}/?token=not-the-token`))?.status()).toBe(401);
    await page.goto(url);
    await expect(page).not.toHaveURL(/token=/); // the token is swapped for a cookie and removed from the URL
    await expect(page.getByRole('navigation')).toBeVisible();
  });

  test('a request with a foreign Host header is refused even with the token (DNS rebinding)', async () => {
    const { origin, token } = e2eEnv();
    const port = new URL(origin).port;
    expect(await rawGet(`${origin}/api/health`, { 'x-berth-token': token, host: `evil.example:${port}` })).toBeGreaterThanOrEqual(400);
    expect(await rawGet(`${origin}/api/health`, { 'x-berth-token': token, host: `127.0.0.1:${port}` })).toBe(200);
  });

  test('WebSockets need the token and the right Origin', async () => {
    const { origin, token } = e2eEnv();
    const wsUrl = `${origin.replace('http', 'ws')}/api/ws`;
    expect(await wsOutcome(wsUrl, {})).not.toBe('open');
    expect(await wsOutcome(wsUrl, { 'x-berth-token': token, origin: 'http://evil.example' })).not.toBe('open');
    expect(await wsOutcome(wsUrl, { 'x-berth-token': token, origin })).toBe('open');
  });
});
