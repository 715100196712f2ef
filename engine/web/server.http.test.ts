import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from './server';
import { createTestBackend } from './testing/backend';
import { rawRequest } from './testing/http';

let dir: string;
let server: WebServer;
let backend: ReturnType<typeof createTestBackend>;
let host: string;

async function start(opts: { staticDir?: string; maxTokenFailuresPerMinute?: number } = {}): Promise<void> {
  server = await startWebServer({
    backend,
    port: 0,
    staticDir: opts.staticDir ?? dir,
    warn: () => {},
    ...opts,
  });
  host = `127.0.0.1:${server.port}`;
}
const withCookie = (): Record<string, string> => ({
  host,
  cookie: `berth_token_${server.port}=${server.token}`,
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Berth app</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  backend = createTestBackend();
  await start();
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startWebServer over HTTP', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('refuses requests without a token with 401 and a hint', async () => {
    const api = await rawRequest(server.port, '/api/health', { headers: { host } });
    expect(api.status).toBe(401);
    expect(api.body).toContain('open the URL Berth printed');
    const page = await rawRequest(server.port, '/', { headers: { host, accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    const file = await rawRequest(server.port, '/assets/app.js', { headers: { host } });
    expect(file.status).toBe(401);
  });

  it('turns ?token= into an HttpOnly SameSite=Strict cookie and redirects without the token', async () => {
    const res = await rawRequest(server.port, `/containers?tab=all&token=${server.token}`, {
      headers: { host },
    });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/containers?tab=all');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`berth_token_${server.port}=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('never redirects off-site when the path starts with slashes', async () => {
    const res = await rawRequest(server.port, `//evil.example/x?token=${server.token}`, {
      headers: { host },
    });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/evil.example/x');
  });

  it('authenticates with the cookie and with the x-berth-token header', async () => {
    const viaCookie = await rawRequest(server.port, '/api/health', { headers: withCookie() });
    expect(viaCookie.status).toBe(200);
    expect(JSON.parse(viaCookie.body)).toEqual({ ok: true });
    const viaHeader = await rawRequest(server.port, '/api/health', {
      headers: { host, 'x-berth-token': server.token },
    });
    expect(viaHeader.status).toBe(200);
  });

  it('rejects a wrong token and clears a stale cookie', async () => {
    const res = await rawRequest(server.port, '/api/health', {
      headers: { host, cookie: `berth_token_${server.port}=stale` },
    });
    expect(res.status).toBe(401);
    expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('refuses a foreign Host header even with a valid token (DNS rebinding)', async () => {
    const res = await rawRequest(server.port, '/api/health', {
      headers: { host: `evil.example:${server.port}`, 'x-berth-token': server.token },
    });
    expect(res.status).toBe(403);
    const otherPort = await rawRequest(server.port, '/api/health', {
      headers: { host: `127.0.0.1:${server.port + 1}`, 'x-berth-token': server.token },
    });
    expect(otherPort.status).toBe(403);
    const localhost = await rawRequest(server.port, '/api/health', {
      headers: { host: `localhost:${server.port}`, 'x-berth-token': server.token },
    });
    expect(localhost.status).toBe(200);
  });

  it('sends the security headers on every response, including refusals', async () => {
    for (const res of [
      await rawRequest(server.port, '/', { headers: withCookie() }),
      await rawRequest(server.port, '/api/health', { headers: { host } }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain(`connect-src 'self' ws://${host}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const api = await rawRequest(server.port, '/api/health', { headers: withCookie() });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('serves the renderer with an SPA fallback, but 404s missing assets', async () => {
    const root = await rawRequest(server.port, '/', { headers: withCookie() });
    expect(root.status).toBe(200);
    expect(root.body).toContain('Berth app');
    const deep = await rawRequest(server.port, '/containers/c1', { headers: withCookie() });
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('Berth app');
    const asset = await rawRequest(server.port, '/assets/app.js', { headers: withCookie() });
    expect(asset.body).toBe('console.log(1)');
    const missing = await rawRequest(server.port, '/assets/missing.js', { headers: withCookie() });
    expect(missing.status).toBe(404);
  });

  it('says the renderer is not built when index.html is missing', async () => {
    await server.close();
    await start({ staticDir: join(dir, 'nothing-here') });
    const res = await rawRequest(server.port, '/', { headers: withCookie() });
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('round-trips a call over HTTP as a Result', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: withCookie(),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: backend.containers });
    const bad = await rawRequest(server.port, '/api/call/containers.start', {
      method: 'POST',
      headers: { ...withCookie(), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'nope' }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await rawRequest(server.port, '/api/call/no.such', {
      method: 'POST',
      headers: withCookie(),
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_FOUND' } });
  });

  it('answers malformed JSON bodies with a 400 Result', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withCookie(), 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses cross-origin POSTs that carry the cookie', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withCookie(), origin: 'http://127.0.0.1:8080' },
    });
    expect(res.status).toBe(403);
    const same = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withCookie(), origin: `http://${host}` },
    });
    expect(same.status).toBe(200);
  });

  it('rate-limits distinct wrong tokens per client, then refuses even the right one', async () => {
    await server.close();
    await start({ maxTokenFailuresPerMinute: 3 });
    for (const guess of ['a', 'b', 'c']) {
      const res = await rawRequest(server.port, '/api/health', { headers: { host, 'x-berth-token': guess } });
      expect(res.status).toBe(401);
    }
    const blocked = await rawRequest(server.port, '/api/health', {
      headers: { host, 'x-berth-token': server.token },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
