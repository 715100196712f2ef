import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from './http';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('httpRequest', () => {
  it('follows a redirect to another host without the Authorization header', async () => {
    let seen: IncomingHttpHeaders = {};
    const storage = await serve((req, res) => {
      seen = req.headers;
      res.end('blob');
    });
    const registry = await serve((_req, res) =>
      res.writeHead(307, { location: `${storage}/blob?sig=1` }).end(),
    );
    const res = await httpRequest(new URL(`${registry}/v2/a/blobs/sha256:x`), {
      headers: { authorization: 'Bearer secret' },
    });
    expect(res.body.toString()).toBe('blob');
    expect(res.url.href).toBe(`${storage}/blob?sig=1`);
    expect(seen.authorization).toBeUndefined();
  });

  it('keeps the Authorization header on a redirect within the same host', async () => {
    let auth: string | undefined;
    const base = await serve((req, res) => {
      if (req.url === '/a') return void res.writeHead(302, { location: '/b' }).end();
      auth = req.headers.authorization;
      res.end('ok');
    });
    await httpRequest(new URL(`${base}/a`), { headers: { authorization: 'Basic x' } });
    expect(auth).toBe('Basic x');
  });

  it('refuses an answer larger than the limit and one that takes too long', async () => {
    const big = await serve((_req, res) => res.end(Buffer.alloc(4096)));
    await expect(httpRequest(new URL(big), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'ETOOBIG' });
    const slow = await serve(() => undefined);
    await expect(httpRequest(new URL(slow), { timeoutMs: 200 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });
});
