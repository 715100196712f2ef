import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { ServerMessage } from '../../contract';

/** Test support: raw HTTP (fetch would not let a test send a forged Host header) and WebSocket helpers. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** A WebSocket that queues incoming messages so a test can await them in order. */
export class TestSocket {
  private readonly queue: ServerMessage[] = [];
  private waiters: ((m: ServerMessage) => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString('utf8')) as ServerMessage;
      const waiter = this.waiters.shift();
      if (waiter) waiter(msg);
      else this.queue.push(msg);
    });
  }

  /** Resolves when open; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, options: WebSocket.ClientOptions, protocols: string[] = []): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols, options);
      ws.once('open', () => resolve(new TestSocket(ws)));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`HTTP ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  next(timeoutMs = 2000): Promise<ServerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within timeout')), timeoutMs);
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

export interface BytesResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTP with binary bodies: a Buffer, or chunks written one by one (chunked encoding, no Content-Length). */
export function bytesRequest(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer; chunks?: Iterable<Buffer> } = {},
): Promise<BytesResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer (413) and close before the whole body is written; the answer is what counts.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    if (init.body !== undefined) req.write(init.body);
    for (const chunk of init.chunks ?? []) req.write(chunk);
    req.end();
  });
}

/** Signs in like the page does: the one-time code from the fragment of `loginUrl`, exchanged for a session. */
export async function exchangeLoginUrl(
  port: number,
  loginUrl: string,
): Promise<{ status: number; grant?: { secret: string; transferKey: string; role: string } }> {
  const code = new URL(loginUrl).hash.replace(/^#code=/, '');
  const res = await rawRequest(port, '/api/session', {
    method: 'POST',
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = JSON.parse(res.body) as {
    ok: boolean;
    value?: { secret: string; transferKey: string; role: string };
  };
  return { status: res.status, ...(body.value ? { grant: body.value } : {}) };
}
