import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/sqlite';
import type { Store } from '../../store/types';
import { createTestBackend } from '../../web/testing/backend';
import { startWebServer } from '../../web/server';
import { recordingIo } from '../testing/io';
import { webCommand, type WebDeps } from './web';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-cli-web-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Real store, real web server, test backend; the shutdown signal is a promise the test resolves. */
function harness() {
  const backend = createTestBackend();
  let signal: (name: string) => void = () => {};
  const opened: string[] = [];
  let store: Store | undefined;
  let storeClosed = false;
  const engineFlags: (string | undefined)[] = [];
  const deps: WebDeps = {
    openStore: (d) => {
      const s = openStore(d);
      store = s;
      return { ...s, close: () => ((storeClosed = true), s.close()) };
    },
    createBackend: (o) => {
      engineFlags.push(o.engineFlag);
      return Promise.resolve(backend);
    },
    startWebServer,
    openBrowser: (url) => (opened.push(url), true),
    waitForShutdownSignal: () => new Promise((resolve) => (signal = resolve)),
    staticDir: join(dir, 'renderer'),
    version: '1.0.0',
  };
  return {
    deps,
    backend,
    opened,
    engineFlags,
    signal: (s: string) => signal(s),
    store: () => store,
    storeClosed: () => storeClosed,
  };
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('berth web', () => {
  it('prints exactly one URL line, serves it, and cleans up on a signal', async () => {
    const h = harness();
    const { io, out, err } = recordingIo();
    const running = webCommand(
      ['--port', '0', '--data-dir', join(dir, 'data'), '--engine', 'embedded'],
      io,
      h.deps,
    );
    await waitFor(() => out.length > 0);
    expect(out).toHaveLength(1);
    const match = /^Berth is running at (http:\/\/127\.0\.0\.1:(\d+)\/#code=([\w-]+))$/.exec(out[0] ?? '');
    expect(match).not.toBeNull();
    // The browser gets a login code of its own, so the printed one still works once for another browser.
    expect(h.opened).toHaveLength(1);
    expect(h.opened[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${match?.[2]}/#code=`));
    expect(h.opened[0]).not.toBe(match?.[1]);
    expect(h.engineFlags).toEqual(['embedded']);
    const exchange = (code: string) =>
      fetch(`http://127.0.0.1:${match?.[2]}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await exchange(match?.[3] ?? '')).status).toBe(200);
    expect((await exchange(match?.[3] ?? '')).status).toBe(401);
    // The API token is in a file only this user can read, never on the terminal.
    const connection = join(dir, 'data', 'web.json');
    expect(statSync(connection).mode & 0o777).toBe(0o600);
    const { token } = JSON.parse(readFileSync(connection, 'utf8')) as { token: string };
    expect(out[0]).not.toContain(token);
    const health = await fetch(`http://127.0.0.1:${match?.[2]}/api/health`, {
      headers: { 'x-berth-token': token },
    });
    expect(health.status).toBe(200);

    h.signal('SIGTERM');
    expect(await running).toBe(0);
    expect(h.backend.disposed()).toBe(true);
    expect(h.storeClosed()).toBe(true);
    expect(err.join('\n')).toContain('SIGTERM');
    expect(existsSync(connection)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${match?.[2]}/api/health`)).rejects.toThrow();
  });

  it('does not open a browser with --no-open', async () => {
    const h = harness();
    const { io, out } = recordingIo();
    const running = webCommand(['--port', '0', '--no-open', '--data-dir', dir], io, h.deps);
    await waitFor(() => out.length > 0);
    expect(h.opened).toEqual([]);
    h.signal('SIGINT');
    expect(await running).toBe(0);
  });

  it('explains a busy port, exits 1 and still releases what it created', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const h = harness();
    const { io, out, err } = recordingIo();
    try {
      expect(await webCommand(['--port', String(port), '--data-dir', dir], io, h.deps)).toBe(1);
    } finally {
      blocker.close();
    }
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(`Port ${port} is already in use`);
    expect(h.backend.disposed()).toBe(true);
    expect(h.storeClosed()).toBe(true);
  });

  it('serves HTTPS with a self-signed certificate when bound beyond loopback, and prints its fingerprint', async () => {
    const h = harness();
    const { io, out, err } = recordingIo();
    const running = webCommand(
      ['--host', '0.0.0.0', '--port', '0', '--no-open', '--data-dir', dir],
      io,
      h.deps,
    );
    await waitFor(() => out.length > 1);
    expect(err.join('\n')).toMatch(/fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    // Off loopback, accounts mode is the default: a setup token for the first admin, a URL with no code.
    expect(out[0]).toMatch(/^First run: .* one-time setup token: [A-Za-z0-9_-]{43}$/);
    expect(out[1]).toMatch(/^Berth is running at https:\/\/127\.0\.0\.1:\d+\/$/);
    h.signal('SIGINT');
    expect(await running).toBe(0);
  });

  it('serves plain HTTP beyond loopback only with --insecure, and says loudly what that means', async () => {
    const h = harness();
    const { io, out, err } = recordingIo();
    const running = webCommand(
      ['--host', '0.0.0.0', '--insecure', '--port', '0', '--no-open', '--data-dir', dir],
      io,
      h.deps,
    );
    await waitFor(() => out.length > 1);
    expect(err.join('\n')).toContain('root-equivalent');
    expect(out[1]).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/$/);
    h.signal('SIGINT');
    expect(await running).toBe(0);
  });

  it('off loopback without accounts only with --insecure-single-user, warned; --accounts on loopback asks for setup', async () => {
    const h = harness();
    const { io, out, err } = recordingIo();
    const running = webCommand(
      ['--host', '0.0.0.0', '--insecure', '--insecure-single-user', '--port', '0', '--no-open', '--data-dir', dir],
      io,
      h.deps,
    );
    await waitFor(() => out.length > 0);
    expect(err.join('\n')).toContain('WARNING: --insecure-single-user');
    expect(out[0]).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/#code=/);
    h.signal('SIGINT');
    expect(await running).toBe(0);

    const h2 = harness();
    const second = recordingIo();
    const local = webCommand(['--accounts', '--port', '0', '--no-open', '--data-dir', dir], second.io, h2.deps);
    await waitFor(() => second.out.length > 1);
    expect(second.out[0]).toMatch(/setup token/);
    expect(second.out[1]).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/$/);
    h2.signal('SIGINT');
    expect(await local).toBe(0);
    await expect(
      webCommand(['--accounts', '--insecure-single-user', '--data-dir', dir], recordingIo().io, harness().deps),
    ).rejects.toThrow(/exclude each other/);
  });

  it('--trusted-proxy: a bad entry is a usage error; behind the proxy the audit log names the forwarded client', async () => {
    await expect(
      webCommand(['--trusted-proxy', '10.0.0.0/33', '--data-dir', dir], recordingIo().io, harness().deps),
    ).rejects.toThrow(/prefix length outside 0-32/);
    await expect(
      webCommand(['--trusted-proxy', 'proxy.local', '--data-dir', dir], recordingIo().io, harness().deps),
    ).rejects.toThrow(/"proxy.local" is not an IP address or CIDR range/);

    const h = harness();
    const { io, out, err } = recordingIo();
    const args = ['--accounts', '--trusted-proxy', '127.0.0.1', '--port', '0', '--no-open', '--data-dir', dir];
    const running = webCommand(args, io, h.deps);
    await waitFor(() => out.length > 1);
    expect(err.join('\n')).toContain('X-Forwarded-For when the peer is one of: 127.0.0.1');
    const token = /setup token: (\S+)/.exec(out[0] ?? '')?.[1] ?? '';
    const port = Number(/:(\d+)\/$/.exec(out[1] ?? '')?.[1]);
    const res = await fetch(`http://127.0.0.1:${port}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6, 198.51.100.7' },
      body: JSON.stringify({ token, username: 'root', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(200);
    const setup = h.store()?.audit.list().find((e) => e.method === 'auth.setup');
    expect(setup).toMatchObject({ ok: true, caller: { user: 'root', role: 'admin', client: '198.51.100.7' } });
    h.signal('SIGINT');
    expect(await running).toBe(0);
  });
});
