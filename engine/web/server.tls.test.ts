import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/sqlite';
import { startWebServer } from './server';
import { createTestBackend } from './testing/backend';
import { ensureSelfSignedTls } from './tls';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-tls-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function httpsGet(port: number, path: string, ca: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode TLS', () => {
  it('refuses a non-loopback bind without TLS or --insecure, before listening', async () => {
    const store = openMemoryStore();
    await expect(
      startWebServer({
        backend: createTestBackend(),
        host: '0.0.0.0',
        port: 0,
        staticDir: dir,
        warn: () => {},
        accounts: store.accounts,
      }),
    ).rejects.toThrow(/needs TLS/);
    store.close();
  });

  it('refuses a non-loopback bind without accounts unless told it is single-user on purpose (ADR 18)', async () => {
    const base = { backend: createTestBackend(), host: '0.0.0.0', port: 0, staticDir: dir, insecure: true };
    await expect(startWebServer({ ...base, warn: () => {} })).rejects.toThrow(/needs accounts/);
    const warnings: string[] = [];
    const server = await startWebServer({ ...base, singleUserOffLoopback: true, warn: (m) => warnings.push(m) });
    await server.close();
    expect(warnings.join('\n')).toMatch(/WARNING: --insecure-single-user/);
  });

  it('with --insecure it listens on a non-loopback address, with a loud warning', async () => {
    const warnings: string[] = [];
    const server = await startWebServer({
      backend: createTestBackend(),
      host: '0.0.0.0',
      port: 0,
      staticDir: dir,
      insecure: true,
      singleUserOffLoopback: true,
      warn: (m) => warnings.push(m),
    });
    await server.close();
    expect(warnings.join('\n')).toMatch(/WARNING: --insecure/);
  });

  it('makes a self-signed certificate once (key 0600), reuses it, and serves https with it', async () => {
    const tlsDir = join(dir, 'tls');
    const tls = ensureSelfSignedTls(tlsDir, '127.0.0.1');
    expect(statSync(join(tlsDir, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(tlsDir).mode & 0o777).toBe(0o700);
    expect(tls.fingerprint).toBe(new X509Certificate(tls.cert).fingerprint256);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(ensureSelfSignedTls(tlsDir, '127.0.0.1').fingerprint).toBe(tls.fingerprint);

    const server = await startWebServer({ backend: createTestBackend(), port: 0, staticDir: dir, tls, warn: () => {} });
    try {
      expect(server.origin).toBe(`https://127.0.0.1:${server.port}`);
      expect(server.url.startsWith(`https://127.0.0.1:${server.port}/#code=`)).toBe(true);
      const res = await httpsGet(server.port, '/api/health', tls.cert, {
        host: `127.0.0.1:${server.port}`,
        'x-berth-token': server.token,
      });
      expect(res.status).toBe(200);
      expect(String(res.headers['content-security-policy'])).toContain(`wss://127.0.0.1:${server.port}`);
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
