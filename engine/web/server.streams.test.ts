import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../contract';
import { startWebServer, type WebServer } from './server';
import { createTestBackend } from './testing/backend';
import { TestSocket } from './testing/http';

let dir: string;
let server: WebServer;
let backend: ReturnType<typeof createTestBackend>;
const sockets: TestSocket[] = [];

async function openSocket(): Promise<TestSocket> {
  const s = await TestSocket.open(`ws://127.0.0.1:${server.port}/api/ws`, {
    headers: { 'x-berth-token': server.token },
  });
  sockets.push(s);
  await s.next(); // hello
  await s.next(); // engine.status
  return s;
}
const send = (s: TestSocket, message: unknown) => s.ws.send(JSON.stringify(message));
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The next message that is about streams (events may interleave). */
async function nextStream(s: TestSocket): Promise<ServerMessage> {
  for (;;) {
    const m = await s.next();
    if (m.type === 'stream-data' || m.type === 'stream-end' || m.type === 'error') return m;
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-ws-streams-'));
  backend = createTestBackend();
  server = await startWebServer({ backend, port: 0, staticDir: dir, warn: () => {} });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web host streams', () => {
  it('opens a stream, delivers its data, and aborts the handler when the client closes it', async () => {
    const s = await openSocket();
    send(s, { type: 'stream-open', id: 'a', stream: 'containers.logs', params: { id: 'web' } });
    expect(await nextStream(s)).toEqual({
      type: 'stream-data',
      id: 'a',
      chunk: {
        lines: [
          { stream: 'stdout', text: 'line 1' },
          { stream: 'stderr', text: 'line 2' },
        ],
      },
    });
    expect(backend.aborted).toEqual([]);
    send(s, { type: 'stream-close', id: 'a' });
    await vi.waitFor(() => expect(backend.aborted).toEqual(['containers.logs']));
  });

  it('forwards input to the handler and reports a clean end when the handler finishes', async () => {
    const s = await openSocket();
    send(s, { type: 'stream-open', id: 't1', stream: 'containers.exec', params: { id: 'web', cmd: ['sh'] } });
    send(s, { type: 'stream-input', id: 't1', input: { type: 'data', data: b64('ls\n') } });
    expect(await nextStream(s)).toEqual({ type: 'stream-data', id: 't1', chunk: { data: b64('ls\n') } });
    send(s, { type: 'stream-input', id: 't1', input: { type: 'data', data: b64('exit') } });
    expect(await nextStream(s)).toEqual({ type: 'stream-end', id: 't1' });
  });

  it('ends the stream with the error when the handler fails, or when the open is invalid', async () => {
    const s = await openSocket();
    send(s, { type: 'stream-open', id: 'x', stream: 'containers.stats', params: { id: 'ghost' } });
    expect(await nextStream(s)).toEqual({
      type: 'stream-end',
      id: 'x',
      error: { code: 'NOT_FOUND', message: 'No such container: ghost' },
    });
    send(s, { type: 'stream-open', id: 'y', stream: 'containers.logs', params: { id: 'web', tail: -1 } });
    expect(await nextStream(s)).toMatchObject({
      type: 'stream-end',
      id: 'y',
      error: { code: 'INVALID_ARGUMENT' },
    });
    send(s, { type: 'stream-open', id: 'z', stream: 'images.nope', params: {} });
    expect(await nextStream(s)).toMatchObject({
      type: 'stream-end',
      id: 'z',
      error: { code: 'METHOD_NOT_FOUND' },
    });
    send(s, { type: 'stream-close', id: 7 });
    expect(await nextStream(s)).toMatchObject({
      type: 'error',
      error: { message: 'A stream message needs a string id.' },
    });
  });

  it('aborts every handler of a socket when the socket closes, and leaves other sockets alone', async () => {
    const a = await openSocket();
    const b = await openSocket();
    send(a, { type: 'stream-open', id: '1', stream: 'containers.logs', params: { id: 'web' } });
    send(a, { type: 'stream-open', id: '2', stream: 'containers.exec', params: { id: 'web', cmd: ['sh'] } });
    send(b, { type: 'stream-open', id: '1', stream: 'containers.logs', params: { id: 'web' } });
    await nextStream(a);
    await nextStream(b);
    a.close();
    await vi.waitFor(() =>
      expect([...backend.aborted].sort()).toEqual(['containers.exec', 'containers.logs']),
    );
    send(b, { type: 'stream-close', id: '1' });
    await vi.waitFor(() => expect(backend.aborted).toHaveLength(3));
  });
});
