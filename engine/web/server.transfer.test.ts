import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';
import { startWebServer, type WebServer } from './server';
import { createTestBackend } from './testing/backend';
import type { TransferTicket } from '../contract';
import { bytesRequest, exchangeLoginUrl, rawRequest } from './testing/http';

let dir: string;
let server: WebServer;
let backend: ReturnType<typeof createTestBackend>;

const auth = (secret = server.token): Record<string, string> => ({
  host: `127.0.0.1:${server.port}`,
  'x-berth-token': secret,
});

/** Issues a ticket the way production does: inside a call made by a session (the API token's by default). */
async function issue(make: () => TransferTicket, secret = server.token): Promise<TransferTicket> {
  backend.issueOnNextExport(make);
  const res = await rawRequest(server.port, '/api/call/containers.export', {
    method: 'POST',
    headers: { ...auth(secret), 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'c1' }),
  });
  return (JSON.parse(res.body) as { value: TransferTicket }).value;
}
const path = (id: string) => `/api/transfer/${encodeURIComponent(id)}`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** An upload sink that hashes what it reads, like a real one that writes into a container. */
function hashingSink(maxBytes?: number) {
  return {
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    accept: async (body: Readable) => {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of body) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-transfer-'));
  backend = createTestBackend();
  server = await startWebServer({ backend, port: 0, staticDir: dir, warn: () => {} });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web host transfers', () => {
  it('streams a download intact with its type and file name, once', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const ticket = await issue(() =>
      backend.transfers.download({
        filename: 'backup ü "1".tar',
        contentType: 'application/x-tar',
        open: () => Promise.resolve(Readable.from([data.subarray(0, 1000), data.subarray(1000)])),
      }),
    );
    const res = await bytesRequest(server.port, path(ticket.transferId), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="backup _ _1_.tar"; filename*=UTF-8''${encodeURIComponent('backup ü "1".tar')}`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(sha(res.body)).toBe(sha(data));

    const again = await bytesRequest(server.port, path(ticket.transferId), { headers: auth() });
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/already used or has expired/) as unknown },
    });
  });

  it('aborts the download source when the client goes away', async () => {
    let signal: AbortSignal | undefined;
    const ticket = await issue(() =>
      backend.transfers.download({
        filename: 'endless.bin',
        open: (s) => {
          signal = s;
          // A source that never ends by itself, like a follow-mode export.
          return Promise.resolve(
            new Readable({
              read() {
                this.push(Buffer.alloc(1024));
              },
            }),
          );
        },
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: path(ticket.transferId), headers: auth() },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
      req.end();
    });
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it('a source that fails to open answers with its error', async () => {
    const ticket = await issue(() =>
      backend.transfers.download({
        filename: 'x',
        open: () => Promise.reject(new BerthError(ErrorCode.NOT_FOUND, 'No such file in the container.')),
      }),
    );
    const res = await bytesRequest(server.port, path(ticket.transferId), { headers: auth() });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such file in the container.' },
    });
  });

  it('streams an upload of a few MB to the sink and answers with its result', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 3);
    const ticket = await issue(() => backend.transfers.upload(hashingSink()));
    const res = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream', origin: server.origin },
      body: data,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: true,
      value: { bytes: data.length, sha256: sha(data) },
    });

    const reused = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: auth(),
      body: data.subarray(0, 10),
    });
    expect(reused.status).toBe(404);
    expect(JSON.parse(reused.body.toString())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('accepts any content type and a chunked body without Content-Length', async () => {
    const ticket = await issue(() => backend.transfers.upload(hashingSink()));
    const parts = [Buffer.from('{"not":'), Buffer.from('"parsed"}')];
    const res = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      chunks: parts,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: true,
      value: { bytes: 16, sha256: sha(Buffer.concat(parts)) },
    });
  });

  it('refuses uploads over the sink limit with 413, declared or not', async () => {
    const declared = await issue(() => backend.transfers.upload(hashingSink(1024)));
    const a = await bytesRequest(server.port, path(declared.transferId), {
      method: 'POST',
      headers: auth(),
      body: Buffer.alloc(4096),
    });
    expect(a.status).toBe(413);
    expect(JSON.parse(a.body.toString())).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'The upload is larger than the limit of 1.0 kB; choose a smaller file.',
      },
    });

    const chunked = await issue(() => backend.transfers.upload(hashingSink(1024)));
    const b = await bytesRequest(server.port, path(chunked.transferId), {
      method: 'POST',
      headers: auth(),
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(512)),
    });
    expect(b.status).toBe(413);
  });

  it('applies the same guard as every route: token and Origin', async () => {
    const ticket = await issue(() => backend.transfers.upload(hashingSink()));
    const foreign = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: { ...auth(), origin: 'http://127.0.0.1:1' },
      body: Buffer.from('x'),
    });
    expect(foreign.status).toBe(403);
    const anonymous = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: { host: `127.0.0.1:${server.port}` },
      body: Buffer.from('x'),
    });
    expect(anonymous.status).toBe(401);
    // Refused requests did not use the ticket up.
    const res = await bytesRequest(server.port, path(ticket.transferId), {
      method: 'POST',
      headers: auth(),
      body: Buffer.from('ok'),
    });
    expect(res.status).toBe(200);
  });

  it('binds a ticket to the session that asked for it: another session cannot redeem it', async () => {
    const other = (await exchangeLoginUrl(server.port, server.loginUrl())).grant;
    const ticket = await issue(() =>
      backend.transfers.download({
        filename: 'a.txt',
        open: () => Promise.resolve(Readable.from([Buffer.from('secret')])),
      }),
    );
    const stolen = await bytesRequest(server.port, path(ticket.transferId), { headers: auth(other?.secret) });
    expect(stolen.status).toBe(404);
    const viaOtherKey = await bytesRequest(
      server.port,
      `${path(ticket.transferId)}?k=${other?.transferKey ?? ''}`,
      {
        headers: { host: `127.0.0.1:${server.port}` },
      },
    );
    expect(viaOtherKey.status).toBe(404);
    // The refusals did not use it up: its own session still gets it.
    const own = await bytesRequest(server.port, path(ticket.transferId), { headers: auth() });
    expect(own.body.toString()).toBe('secret');
  });

  it("lets a browser link redeem its own session's ticket with the transfer key, which opens nothing else", async () => {
    const grant = (await exchangeLoginUrl(server.port, server.loginUrl())).grant;
    const ticket = await issue(
      () =>
        backend.transfers.download({
          filename: 'a.txt',
          open: () => Promise.resolve(Readable.from([Buffer.from('mine')])),
        }),
      grant?.secret,
    );
    const host = { host: `127.0.0.1:${server.port}` };
    const res = await bytesRequest(server.port, `${path(ticket.transferId)}?k=${grant?.transferKey ?? ''}`, {
      headers: host,
    });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('mine');
    const noKey = await bytesRequest(server.port, path(ticket.transferId), { headers: host });
    expect(noKey.status).toBe(401);
    const keyAsCredential = await rawRequest(server.port, '/api/health', {
      headers: { ...host, 'x-berth-token': grant?.transferKey ?? '' },
    });
    expect(keyAsCredential.status).toBe(401);
  });
});
