import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransferRegistry } from '../../engine/base/transfers';
import { createAppRequestHandler } from './app-protocol';
import { transferIdOf } from './app-transfers';

vi.mock('electron', () => import('../testing/fake-electron'));

let root: string;
let registry: TransferRegistry | undefined;
let serve: (request: Request) => Promise<Response>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const hashingSink = (maxBytes?: number) => ({
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
});

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'berth-app-transfer-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Berth</title>');
  serve = createAppRequestHandler(root, { transfers: () => registry });
});
afterAll(() => rm(root, { recursive: true, force: true }));
beforeEach(() => {
  registry = new TransferRegistry();
});

describe('app:// transfers', () => {
  it('parses only /api/transfer/<id>', () => {
    expect(transferIdOf('/api/transfer/abc_-9')).toBe('abc_-9');
    expect(transferIdOf('/api/transfer/a%2Fb')).toBe('a/b');
    expect(transferIdOf('/api/transfer/')).toBeUndefined();
    expect(transferIdOf('/api/transfer/a/b')).toBeUndefined();
    expect(transferIdOf('/api/transfer/%E0%A4%A')).toBeUndefined();
    expect(transferIdOf('/index.html')).toBeUndefined();
  });

  it('streams a download with its headers, once', async () => {
    const data = randomBytes(2 * 1024 * 1024 + 5);
    const ticket = registry!.download({
      filename: 'logs.txt',
      contentType: 'text/plain; charset=utf-8',
      open: () => Promise.resolve(Readable.from([data.subarray(0, 7), data.subarray(7)])),
    });
    const res = await serve(new Request(`app://berth/api/transfer/${ticket.transferId}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('filename="logs.txt"');
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(data));
    const again = await serve(new Request(`app://berth/api/transfer/${ticket.transferId}`));
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('aborts the source when the page cancels the download', async () => {
    let signal: AbortSignal | undefined;
    const ticket = registry!.download({
      filename: 'endless.bin',
      open: (s) => {
        signal = s;
        return Promise.resolve(
          new Readable({
            read() {
              this.push(Buffer.alloc(1024));
            },
          }),
        );
      },
    });
    const res = await serve(new Request(`app://berth/api/transfer/${ticket.transferId}`));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it('streams an upload into the sink and answers with its result; 413 over the limit', async () => {
    const data = randomBytes(3 * 1024 * 1024);
    const ticket = registry!.upload(hashingSink());
    const res = await serve(
      new Request(`app://berth/api/transfer/${ticket.transferId}`, {
        method: 'POST',
        headers: { origin: 'app://berth', 'content-type': 'application/octet-stream' },
        body: data,
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { bytes: data.length, sha256: sha(data) } });

    const small = registry!.upload(hashingSink(100));
    const tooBig = await serve(
      new Request(`app://berth/api/transfer/${small.transferId}`, {
        method: 'POST',
        body: Buffer.alloc(1000),
      }),
    );
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses uploads from another origin and answers 503 while the backend is not up', async () => {
    const ticket = registry!.upload(hashingSink());
    const foreign = await serve(
      new Request(`app://berth/api/transfer/${ticket.transferId}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: 'x',
      }),
    );
    expect(foreign.status).toBe(403);
    registry = undefined;
    const early = await serve(new Request('app://berth/api/transfer/whatever'));
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
  });
});
