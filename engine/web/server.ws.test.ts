import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from './server';
import { createTestBackend } from './testing/backend';
import { exchangeLoginUrl, TestSocket } from './testing/http';

let dir: string;
let server: WebServer;
let backend: ReturnType<typeof createTestBackend>;
const sockets: TestSocket[] = [];

const wsUrl = (): string => `ws://127.0.0.1:${server.port}/api/ws`;
/** What the page offers: the protocol and its session secret as a second subprotocol (no cookie). */
async function browserProtocols(): Promise<string[]> {
  const { grant } = await exchangeLoginUrl(server.port, server.loginUrl());
  return ['berth.v1', `berth.session.${grant?.secret ?? ''}`];
}
async function openBrowserLike(): Promise<TestSocket> {
  const s = await TestSocket.open(wsUrl(), { origin: server.origin }, await browserProtocols());
  sockets.push(s);
  return s;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-ws-'));
  backend = createTestBackend();
  server = await startWebServer({ backend, port: 0, staticDir: dir, version: '9.9.9', warn: () => {} });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startWebServer over WebSocket', () => {
  it('greets with hello and the current engine status, selecting only the protocol name', async () => {
    const s = await openBrowserLike();
    expect(s.ws.protocol).toBe('berth.v1');
    expect(await s.next()).toEqual({ type: 'hello', version: '9.9.9', role: 'admin' });
    expect(await s.next()).toEqual({
      type: 'event',
      event: 'engine.status',
      payload: { state: 'connected', since: 1 },
    });
  });

  it('refuses a foreign Origin even with a valid session', async () => {
    await expect(
      TestSocket.open(wsUrl(), { origin: 'http://evil.example' }, await browserProtocols()),
    ).rejects.toThrow('HTTP 403');
  });

  it('refuses a socket without a session, with a wrong one, or with the old cookie', async () => {
    await expect(TestSocket.open(wsUrl(), { origin: server.origin }, ['berth.v1'])).rejects.toThrow(
      'HTTP 401',
    );
    await expect(
      TestSocket.open(wsUrl(), { origin: server.origin }, ['berth.v1', 'berth.session.wrong']),
    ).rejects.toThrow('HTTP 401');
    await expect(
      TestSocket.open(wsUrl(), {
        origin: server.origin,
        headers: { cookie: `berth_token_${server.port}=${server.token}` },
      }),
    ).rejects.toThrow('HTTP 401');
  });

  it('accepts non-browser clients without Origin only with the header token', async () => {
    await expect(TestSocket.open(wsUrl(), {}, await browserProtocols())).rejects.toThrow('HTTP 401');
    const s = await TestSocket.open(wsUrl(), { headers: { 'x-berth-token': server.token } });
    sockets.push(s);
    expect((await s.next()).type).toBe('hello');
  });

  it('round-trips calls as results with the caller id', async () => {
    const s = await openBrowserLike();
    await s.next();
    await s.next();
    s.ws.send(JSON.stringify({ type: 'call', id: 7, method: 'containers.list', params: {} }));
    expect(await s.next()).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: backend.containers },
    });
    s.ws.send(JSON.stringify({ type: 'call', id: 8, method: 'containers.start', params: { id: '../etc' } }));
    expect(await s.next()).toMatchObject({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'INVALID_ARGUMENT' } },
    });
  });

  it('forwards bus events to every connected socket', async () => {
    const a = await openBrowserLike();
    const b = await openBrowserLike();
    for (const s of [a, b]) {
      await s.next();
      await s.next();
    }
    backend.bus.emit('containers.changed', { kind: 'patch', upserts: [], removed: ['c1'] });
    for (const s of [a, b]) {
      expect(await s.next()).toEqual({
        type: 'event',
        event: 'containers.changed',
        payload: { kind: 'patch', upserts: [], removed: ['c1'] },
      });
    }
  });

  it('answers malformed and oversized messages with an error and keeps the connection', async () => {
    const s = await openBrowserLike();
    await s.next();
    await s.next();
    s.ws.send('{oops');
    expect(await s.next()).toMatchObject({ type: 'error', error: { code: 'INVALID_ARGUMENT' } });
    s.ws.send(JSON.stringify({ type: 'subscribe' }));
    expect(await s.next()).toMatchObject({ type: 'error' });
    s.ws.send('x'.repeat(1024 * 1024 + 1));
    const tooLarge = await s.next();
    expect(tooLarge.type === 'error' && tooLarge.error.message).toContain('too large');
    s.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'engine.status', params: {} }));
    expect(await s.next()).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
  });

  it('closes sockets on server close', async () => {
    const s = await openBrowserLike();
    const closed = new Promise<number>((resolve) => s.ws.once('close', (code: number) => resolve(code)));
    await server.close();
    expect(await closed).toBe(1001);
  });
});
