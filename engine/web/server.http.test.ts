import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from './server';
import { createTestBackend } from './testing/backend';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { exchangeLoginUrl, rawRequest } from './testing/http';

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
const withToken = (): Record<string, string> => ({ host, 'x-berth-token': server.token });

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
  it('prints a loopback URL carrying a one-time login code in its fragment, not the API token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#code=[A-Za-z0-9_-]{43}$`));
    expect(server.url).not.toContain(server.token);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('refuses API requests without a credential with 401 and a hint; the static app is public', async () => {
    const api = await rawRequest(server.port, '/api/health', { headers: { host } });
    expect(api.status).toBe(401);
    expect(api.body).toContain('open the link Berth printed');
    const call = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { host },
    });
    expect(call.status).toBe(401);
    // Extra slashes or percent-encoding reach the same route and the same check.
    const encoded = await rawRequest(server.port, '/api/call/containers%2Elist', {
      method: 'POST',
      headers: { host },
    });
    expect(encoded.status).toBe(401);
    const page = await rawRequest(server.port, '/', { headers: { host, accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Berth app');
  });

  it('exchanges the printed code once for a session; a second use gets no session', async () => {
    const first = await exchangeLoginUrl(server.port, server.url);
    expect(first.status).toBe(200);
    expect(first.grant?.role).toBe('admin');
    const secret = first.grant?.secret ?? '';
    const ok = await rawRequest(server.port, '/api/health', { headers: { host, 'x-berth-token': secret } });
    expect(ok.status).toBe(200);
    const again = await exchangeLoginUrl(server.port, server.url);
    expect(again.status).toBe(401);
    expect(again.grant).toBeUndefined();
    // Each handed-over URL is its own single-use code.
    const handed = server.loginUrl();
    expect(handed).not.toBe(server.url);
    expect((await exchangeLoginUrl(server.port, handed)).status).toBe(200);
    expect((await exchangeLoginUrl(server.port, handed)).status).toBe(401);
  });

  it('sets no cookie anywhere in the login flow, so another loopback port receives nothing usable', async () => {
    // What a browser would send to a different server on 127.0.0.1 is exactly the cookies this origin set:
    // cookies ignore ports. Walk the whole flow, collect every Set-Cookie, replay them to a server on another
    // port as a browser would, and try what it received against Berth.
    const responses = [
      await rawRequest(server.port, '/', { headers: { host } }),
      await rawRequest(server.port, '/api/session', {
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
        body: JSON.stringify({ code: new URL(server.url).hash.slice('#code='.length) }),
      }),
    ];
    const secret = (JSON.parse(responses[1]?.body ?? '{}') as { value: { secret: string } }).value.secret;
    responses.push(
      await rawRequest(server.port, '/api/health', { headers: { host, 'x-berth-token': secret } }),
    );
    responses.push(await rawRequest(server.port, '/assets/app.js', { headers: { host } }));
    const cookies = responses.flatMap((r) => r.headers['set-cookie'] ?? []);
    expect(cookies).toEqual([]);

    let received: IncomingHttpHeaders | undefined;
    const other: Server = createServer((req, res) => {
      received = req.headers;
      res.end('dev server');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const otherPort = (other.address() as { port: number }).port;
    const cookieHeader = cookies.map((c) => c.split(';')[0]).join('; ');
    await rawRequest(otherPort, '/', {
      headers: { host: `127.0.0.1:${otherPort}`, ...(cookieHeader ? { cookie: cookieHeader } : {}) },
    });
    await new Promise<void>((r) => other.close(() => r()));
    expect(received?.cookie).toBeUndefined();
    for (const value of Object.values(received ?? {})) {
      for (const v of [value].flat()) {
        if (typeof v !== 'string') continue;
        const tried = await rawRequest(server.port, '/api/health', { headers: { host, 'x-berth-token': v } });
        expect(tried.status).not.toBe(200);
      }
    }
  });

  it('authenticates with the x-berth-token header (API token or session) and rejects a wrong one', async () => {
    const viaHeader = await rawRequest(server.port, '/api/health', { headers: withToken() });
    expect(viaHeader.status).toBe(200);
    expect(JSON.parse(viaHeader.body)).toEqual({ ok: true });
    const wrong = await rawRequest(server.port, '/api/health', {
      headers: { host, 'x-berth-token': 'stale' },
    });
    expect(wrong.status).toBe(401);
    // An old cookie is meaningless now.
    const cookie = await rawRequest(server.port, '/api/health', {
      headers: { host, cookie: `berth_token_${server.port}=${server.token}` },
    });
    expect(cookie.status).toBe(401);
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
      await rawRequest(server.port, '/', { headers: withToken() }),
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
    const api = await rawRequest(server.port, '/api/health', { headers: withToken() });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('serves the renderer with an SPA fallback, but 404s missing assets', async () => {
    const root = await rawRequest(server.port, '/', { headers: withToken() });
    expect(root.status).toBe(200);
    expect(root.body).toContain('Berth app');
    const deep = await rawRequest(server.port, '/containers/c1', { headers: withToken() });
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('Berth app');
    const asset = await rawRequest(server.port, '/assets/app.js', { headers: withToken() });
    expect(asset.body).toBe('console.log(1)');
    const missing = await rawRequest(server.port, '/assets/missing.js', { headers: withToken() });
    expect(missing.status).toBe(404);
  });

  it('says the renderer is not built when index.html is missing', async () => {
    await server.close();
    await start({ staticDir: join(dir, 'nothing-here') });
    const res = await rawRequest(server.port, '/', { headers: withToken() });
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('round-trips a call over HTTP as a Result', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: withToken(),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: backend.containers });
    const bad = await rawRequest(server.port, '/api/call/containers.start', {
      method: 'POST',
      headers: { ...withToken(), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'nope' }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await rawRequest(server.port, '/api/call/no.such', {
      method: 'POST',
      headers: withToken(),
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_FOUND' } });
  });

  it('answers malformed JSON bodies with a 400 Result', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withToken(), 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses cross-origin POSTs even with a valid credential', async () => {
    const res = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withToken(), origin: 'http://127.0.0.1:8080' },
    });
    expect(res.status).toBe(403);
    const same = await rawRequest(server.port, '/api/call/containers.list', {
      method: 'POST',
      headers: { ...withToken(), origin: `http://${host}` },
    });
    expect(same.status).toBe(200);
  });

  it('rate-limits wrong credentials, but a valid credential always gets in', async () => {
    await server.close();
    await start({ maxTokenFailuresPerMinute: 3 });
    // Any page on 127.0.0.1 can send 40 wrong guesses (all local clients share one address)...
    for (let i = 0; i < 40; i += 1) {
      const res = await rawRequest(server.port, '/api/health', {
        headers: { host, 'x-berth-token': `guess${i}` },
      });
      expect(res.status).toBe(i < 3 ? 401 : 429);
    }
    const blocked = await rawRequest(server.port, '/api/health', {
      headers: { host, 'x-berth-token': 'more' },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 5; i += 1) {
      const code = await rawRequest(server.port, '/api/session', {
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
        body: JSON.stringify({ code: `wrong${i}` }),
      });
      expect(code.status).toBe(429);
    }
    // ...and the user still gets in: with the API token, with the printed code, with the session.
    expect((await rawRequest(server.port, '/api/health', { headers: withToken() })).status).toBe(200);
    const login = await exchangeLoginUrl(server.port, server.url);
    expect(login.status).toBe(200);
    const session = await rawRequest(server.port, '/api/session', {
      headers: { host, 'x-berth-token': login.grant?.secret ?? '' },
    });
    expect(session.status).toBe(200);
  });
});
