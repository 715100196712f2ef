import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiTokenCreated } from '../contract';
import type { AuditEntry } from '../base/audit';
import { startWebServer } from './server';
import { createTestBackend } from './testing/backend';
import { exchangeLoginUrl, rawRequest } from './testing/http';
import { newApiToken, newRowId } from '../store/api-tokens';
import { parseTrustedProxies } from './client-address';
import { startAccountsServer, TEST_PASSWORD, type AccountsServer } from './testing/accounts';

let s: AccountsServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await s?.close();
  s = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const authEntries = (srv: AccountsServer) =>
  srv.store.audit
    .query({ methodPrefix: 'auth.' })
    .reverse()
    .map((e) => ({
      method: e.method,
      user: e.user,
      role: e.role,
      ok: e.ok,
      client: e.client,
      ...(e.errorCode ? { errorCode: e.errorCode } : {}),
      params: e.params,
    }));

// Each wrong password costs a real scrypt (32 MiB): generous timeouts for a loaded machine.
describe('sign-in audit over HTTP (ADR 18)', { timeout: 60_000 }, () => {
  it('writes setup, sign-in, refusals with their reason class, sign-out and refused API tokens; never a password', async () => {
    s = await startAccountsServer();
    const token = s.server.setupToken ?? '';
    expect(
      (await s.post('/api/setup', { token: 'guess', username: 'root', password: TEST_PASSWORD })).status,
    ).toBe(401);
    const root = (await s.post('/api/setup', { token, username: 'root', password: TEST_PASSWORD })).json
      .value as { secret: string };
    expect((await s.post('/api/setup', { token, username: 'eve', password: TEST_PASSWORD })).status).toBe(
      409,
    );
    const bobId = await s.addAccount('bob', 'operator');
    const carolId = await s.addAccount('carol', 'viewer');
    s.store.accounts.update(carolId, { disabled: true });

    expect((await s.post('/api/login', { username: 'nobody', password: 'hunter2 hunter2' })).status).toBe(
      401,
    );
    expect((await s.post('/api/login', { username: 'BOB', password: 'secret-guess-1' })).status).toBe(401);
    expect((await s.post('/api/login', { username: 'carol', password: TEST_PASSWORD })).status).toBe(403);
    const bob = await s.login('bob');
    expect((await s.post('/api/logout', {}, bob.secret)).status).toBe(200);

    const made = (await s.call('session.createToken', { name: 'ci' }, root.secret)).value as ApiTokenCreated;
    await s.call('session.revokeToken', { tokenId: made.token.id }, root.secret);
    expect((await s.call('session.me', {}, made.value)).error?.code).toBe('UNAUTHENTICATED');
    const old = newApiToken();
    s.store.accounts.tokens.create(
      { id: newRowId(), accountId: bobId, name: 'old', createdAt: 1, expiresAt: 2 },
      old.hash,
    );
    expect((await s.call('session.me', {}, old.value)).error?.code).toBe('UNAUTHENTICATED');
    // A stale session secret is not an API token: not written (a page left open would fill the log).
    expect((await s.call('session.me', {}, bob.secret)).error?.code).toBe('UNAUTHENTICATED');

    const c = '127.0.0.1';
    const anyString: unknown = expect.any(String);
    expect(authEntries(s)).toEqual([
      {
        method: 'auth.setup',
        user: 'root',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'UNAUTHENTICATED',
        params: { reason: 'wrong-setup-token' },
      },
      {
        method: 'auth.setup',
        user: 'root',
        role: 'admin',
        ok: true,
        client: c,
        params: { session: anyString },
      },
      {
        method: 'auth.setup',
        user: 'eve',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'CONFLICT',
        params: { reason: 'set-up-already' },
      },
      {
        method: 'auth.login',
        user: 'nobody',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'UNAUTHENTICATED',
        params: { reason: 'unknown-user' },
      },
      {
        method: 'auth.login',
        user: 'bob',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'UNAUTHENTICATED',
        params: { reason: 'wrong-password' },
      },
      {
        method: 'auth.login',
        user: 'carol',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'FORBIDDEN',
        params: { reason: 'disabled' },
      },
      {
        method: 'auth.login',
        user: 'bob',
        role: 'operator',
        ok: true,
        client: c,
        params: { session: anyString },
      },
      {
        method: 'auth.logout',
        user: 'bob',
        role: 'operator',
        ok: true,
        client: c,
        params: { session: anyString },
      },
      {
        method: 'auth.token',
        user: '',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'UNAUTHENTICATED',
        params: { reason: 'unknown-token' },
      },
      {
        method: 'auth.token',
        user: 'bob',
        role: 'anonymous',
        ok: false,
        client: c,
        errorCode: 'UNAUTHENTICATED',
        params: { reason: 'expired-token' },
      },
    ]);
    // Token creation and revocation are audited as the calls they are; web calls carry the client address too.
    const calls = s.store.audit.query({ methodPrefix: 'session.' });
    expect(calls.map((e) => [e.method, e.user, e.client])).toEqual([
      ['session.revokeToken', 'root', c],
      ['session.createToken', 'root', c],
    ]);
    const everything = JSON.stringify(s.store.audit.query({}));
    for (const secret of [TEST_PASSWORD, 'hunter2', 'secret-guess-1', token, made.value, old.value]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('a flood of failed sign-ins from one client costs the log N entries a minute plus one summary', async () => {
    const srv = (s = await startAccountsServer({
      authAudit: { perClientPerMinute: 4 },
      loginThrottle: { perPair: 1000, perClient: 1000 },
    }));
    await srv.addAccount('alice', 'admin');
    for (let i = 0; i < 25; i++)
      await srv.post('/api/login', { username: 'alice', password: `wrong password ${i}` });
    expect(authEntries(srv)).toHaveLength(4);
    await srv.login('alice');
    await srv.server.close();
    const entries = authEntries(srv);
    expect(entries).toHaveLength(6);
    expect(entries[4]).toMatchObject({ method: 'auth.login', ok: true, user: 'alice' });
    expect(entries[5]).toMatchObject({
      errorCode: 'RATE_BOUND',
      params: { moreFailedAttempts: 21, usernames: ['alice'] },
    });
  });
});

describe('behind a reverse proxy (--trusted-proxy)', { timeout: 60_000 }, () => {
  const wrong = (srv: AccountsServer, forwardedFor?: string) =>
    srv.post('/api/login', { username: 'alice', password: 'wrong password!' }, undefined, forwardedFor);

  it('ignores X-Forwarded-For unless the peer is trusted; behind a trusted proxy each client is throttled alone', async () => {
    s = await startAccountsServer({ loginThrottle: { perPair: 2, firstLockMs: 60_000 } });
    await s.addAccount('alice', 'admin');
    await wrong(s, '198.51.100.1');
    await wrong(s, '198.51.100.2');
    // Not trusted: both came from 127.0.0.1, which is now locked out of alice whatever the header claims.
    expect((await wrong(s, '198.51.100.3')).status).toBe(429);
    expect(authEntries(s).map((e) => e.client)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    await s.close();

    s = await startAccountsServer({
      loginThrottle: { perPair: 2, firstLockMs: 60_000 },
      trustedProxies: parseTrustedProxies('127.0.0.1'),
    });
    await s.addAccount('alice', 'admin');
    // The attacker spoofs the left-most entries; the proxy appended the address it saw (the right-most).
    for (const spoof of ['203.0.113.50', '198.51.100.2']) await wrong(s, `${spoof}, 198.51.100.66`);
    expect((await wrong(s, '198.51.100.66')).status).toBe(429);
    // The real user behind the same proxy is not locked out by the guesser.
    const ok = await s.post(
      '/api/login',
      { username: 'alice', password: TEST_PASSWORD },
      undefined,
      '198.51.100.2',
    );
    expect(ok.status).toBe(200);
    expect(authEntries(s).map((e) => [e.client, e.ok])).toEqual([
      ['198.51.100.66', false],
      ['198.51.100.66', false],
      ['198.51.100.66', false],
      ['198.51.100.2', true],
    ]);
  });
});

describe('lockout across a restart', { timeout: 60_000 }, () => {
  it('a client locked out of an account stays locked out after the server restarts on the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'berth-lockout-'));
    dirs.push(dataDir);
    const throttle = { perPair: 3, firstLockMs: 10 * 60_000 };
    s = await startAccountsServer({ dataDir, loginThrottle: throttle });
    await s.addAccount('alice', 'admin');
    for (let i = 0; i < 3; i++)
      await s.post('/api/login', { username: 'alice', password: 'wrong password!' });
    expect((await s.post('/api/login', { username: 'alice', password: TEST_PASSWORD })).status).toBe(429);
    await s.close();

    s = await startAccountsServer({ dataDir, loginThrottle: throttle });
    const locked = await s.post('/api/login', { username: 'alice', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    expect(authEntries(s).at(-1)).toMatchObject({
      user: 'alice',
      ok: false,
      params: { reason: 'locked-out' },
    });
    await s.close();

    // Once the window is over (the clock moved past it), the restart finds nothing left to enforce.
    const later = Date.now() + 11 * 60_000;
    s = await startAccountsServer({ dataDir, loginThrottle: { ...throttle, now: () => later } });
    expect((await s.post('/api/login', { username: 'alice', password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('single-user mode', () => {
  it('writes the login-code exchange as the local user signing in, a spent code as a refusal, and the sign-out', async () => {
    const entries: AuditEntry[] = [];
    const server = await startWebServer({
      backend: createTestBackend(),
      port: 0,
      staticDir: '/nonexistent',
      warn: () => {},
      audit: (e) => entries.push(e),
    });
    try {
      const first = await exchangeLoginUrl(server.port, server.url);
      expect((await exchangeLoginUrl(server.port, server.url)).status).toBe(401);
      const logout = await rawRequest(server.port, '/api/logout', {
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'x-berth-token': first.grant?.secret ?? '' },
      });
      expect(logout.status).toBe(200);
    } finally {
      await server.close();
    }
    const code = new URL(server.url).hash.slice(1);
    expect(JSON.stringify(entries)).not.toContain(code.replace(/^code=/, ''));
    expect(
      entries.map((e) => [e.method, e.caller.user, e.caller.role, e.caller.client, e.ok, e.params]),
    ).toEqual([
      [
        'auth.login',
        'local',
        'admin',
        '127.0.0.1',
        true,
        { with: 'login code', session: expect.any(String) as unknown },
      ],
      ['auth.login', 'local', 'anonymous', '127.0.0.1', false, { reason: 'wrong-login-code' }],
      ['auth.logout', 'local', 'admin', '127.0.0.1', true, { session: expect.any(String) as unknown }],
    ]);
  });
});
