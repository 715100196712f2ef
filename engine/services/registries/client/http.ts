import { request as httpGet, type IncomingHttpHeaders } from 'node:http';
import { request as httpsGet } from 'node:https';
import { formatBytes } from '../../../contract';

export interface HttpOptions {
  method?: 'GET' | 'HEAD' | 'DELETE';
  headers?: Record<string, string>;
  /** PEM of the CA that signed the registry's certificate, for private registries with their own CA. */
  ca?: string;
  timeoutMs?: number;
  /** Refuse bodies larger than this (a registry answer is JSON; a huge one is a fault, not data). */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: URL;
}

/** A network-level failure (refused, reset, DNS, TLS, timeout, oversize), with Node's code when there is one. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 5;

/**
 * One HTTP(S) exchange with a registry, following redirects (blob downloads go to storage elsewhere). Node's
 * `fetch` cannot take a per-request CA without another dependency, hence node:http(s). The Authorization header
 * is dropped when a redirect leaves the registry's host, so credentials never reach a storage backend.
 */
export async function httpRequest(url: URL, options: HttpOptions = {}): Promise<HttpResponse> {
  let current = url;
  let headers = { ...options.headers };
  for (let hop = 0; ; hop++) {
    const res = await once(current, { ...options, headers });
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
      const next = new URL(location, current);
      if (next.host !== current.host) {
        const { authorization: _dropped, ...rest } = headers;
        headers = rest;
      }
      current = next;
      continue;
    }
    return res;
  }
}

function once(url: URL, options: HttpOptions): Promise<HttpResponse> {
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: HttpFailure) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err);
    };
    const send = url.protocol === 'https:' ? httpsGet : httpGet;
    const req = send(url, {
      method: options.method ?? 'GET',
      headers: { 'user-agent': 'Berth', ...options.headers },
      ...(options.ca ? { ca: options.ca } : {}),
      timeout: timeoutMs,
    });
    req.on('timeout', () => fail(new HttpFailure(`no answer within ${timeoutMs / 1000} s`, 'ETIMEDOUT')));
    req.on('error', (err: NodeJS.ErrnoException) => fail(new HttpFailure(err.message, err.code ?? 'EIO')));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          fail(new HttpFailure(`the answer is larger than ${formatBytes(maxBytes)}`, 'ETOOBIG'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url });
      });
      res.on('error', (err: NodeJS.ErrnoException) => fail(new HttpFailure(err.message, err.code ?? 'EIO')));
    });
    req.end();
  });
}
