import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo, ApiTokenCreated, AuthMode, SessionInfo } from '../contract';
import { startAccountsServer, TEST_PASSWORD, type AccountsServer } from './testing/accounts';
import { rawRequest, TestSocket } from './testing/http';

let s: AccountsServer;
afterEach(async () => s.close());

const me = async (secret: string) => s.call('session.me', {}, secret);

describe('accounts mode over HTTP: first-run setup', () => {
  it('says it is in accounts mode and needs setup; the printed URL carries no login code', async () => {
    s = await startAccountsServer();
    expect(s.server.mode).toBe('accounts');
    expect(s.server.url).toBe(`http://127.0.0.1:${s.server.port}/`);
    expect(s.server.setupToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const auth = await rawRequest(s.server.port, '/api/auth', { headers: { host: s.host } });
    expect(auth.status).toBe(200);
    expect((JSON.parse(auth.body) as { value: AuthMode }).value).toEqual({
      mode: 'accounts',
      setupRequired: true,
    });
    // A login code (there is none to print) never signs anyone in here.
    const code = await s.post('/api/session', { code: s.server.loginUrl().split('#code=')[1] ?? 'x' });
    expect(code.status).toBe(401);
  });

  it('refuses bad input without using the token, a wrong token, and lets exactly one of two concurrent setups win', async () => {
    s = await startAccountsServer();
    const token = s.server.setupToken ?? '';
    const short = await s.post('/api/setup', { token, username: 'root', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.error?.message).toMatch(/at least 12 characters/);
    const wrong = await s.post('/api/setup', { token: 'nope', username: 'root', password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(s.store.accounts.count()).toBe(0);

    const [a, b] = await Promise.all([
      s.post('/api/setup', { token, username: 'alice', password: TEST_PASSWORD }),
      s.post('/api/setup', { token, username: 'mallory', password: TEST_PASSWORD }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(s.store.accounts.list().map((x) => [x.username, x.role])).toEqual([
      [a.status === 200 ? 'alice' : 'mallory', 'admin'],
    ]);
    const winner = (a.status === 200 ? a : b).json.value as { secret: string; role: string };
    expect(winner.role).toBe('admin');
    expect(((await me(winner.secret)).value as SessionInfo).role).toBe('admin');
    // Closed for good, even with the right token.
    const again = await s.post('/api/setup', { token, username: 'eve', password: TEST_PASSWORD });
    expect(again.status).toBe(409);
    const auth = await rawRequest(s.server.port, '/api/auth', { headers: { host: s.host } });
    expect((JSON.parse(auth.body) as { value: AuthMode }).value.setupRequired).toBe(false);
  });

  it('needs no setup when an account exists already', async () => {
    s = await startAccountsServer();
    await s.server.close();
    await s.addAccount('alice', 'admin');
    const { startWebServer } = await import('./server');
    const { createTestBackend } = await import('./testing/backend');
    const second = await startWebServer({
      backend: createTestBackend(),
      port: 0,
      staticDir: '/nonexistent',
      warn: () => {},
      accounts: s.store.accounts,
    });
    expect(second.setupToken).toBeUndefined();
    await second.close();
  });
});

describe('accounts mode over HTTP: sign-in, roles and sessions', () => {
  it('signs in with the right password only, as the account (the audit log names the user)', async () => {
    s = await startAccountsServer();
    const id = await s.addAccount('alice', 'operator');
    const wrong = await s.post('/api/login', { username: 'alice', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.message).toBe('Wrong username or password.');
    const unknown = await s.post('/api/login', { username: 'bob', password: TEST_PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error?.message).toBe('Wrong username or password.');

    const grant = await s.login('ALICE');
    expect(grant).toMatchObject({ role: 'operator', user: 'alice' });
    const info = (await me(grant.secret)).value as SessionInfo;
    expect(info).toMatchObject({ user: 'alice', role: 'operator', account: { id, username: 'alice' } });
    expect(s.store.accounts.get(id)?.lastLoginAt).toBeGreaterThan(0);
    await s.call('containers.start', { id: 'web' }, grant.secret);
    expect(s.audit().at(-1)).toMatchObject({
      method: 'containers.start',
      caller: { user: 'alice', role: 'operator' },
    });
  });

  it('logout ends the session', async () => {
    s = await startAccountsServer();
    await s.addAccount('alice', 'viewer');
    const grant = await s.login('alice');
    expect((await me(grant.secret)).ok).toBe(true);
    expect((await s.post('/api/logout', {}, grant.secret)).status).toBe(200);
    expect((await s.post('/api/call/session.me', {}, grant.secret)).status).toBe(401);
  });

  it('changing the role, disabling or removing an account ends its sessions and closes its WebSockets', async () => {
    s = await startAccountsServer();
    await s.addAccount('root', 'admin');
    const bobId = await s.addAccount('bob', 'viewer');
    const admin = await s.login('root');
    const bob = await s.login('bob');
    const socket = await TestSocket.open(
      `ws://${s.host}/api/ws`,
      { headers: { origin: `http://${s.host}` } },
      ['berth.v1', `berth.session.${bob.secret}`],
    );
    expect((await socket.next()).type).toBe('hello');
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));

    const updated = await s.call('accounts.update', { id: bobId, role: 'operator' }, admin.secret);
    expect((updated.value as AccountInfo).role).toBe('operator');
    expect(await closed).toBe(4401);
    expect((await s.post('/api/call/session.me', {}, bob.secret)).status).toBe(401);
    // Signing in again gives the new role.
    const again = await s.login('bob');
    expect(again.role).toBe('operator');

    expect((await s.call('accounts.update', { id: bobId, disabled: true }, admin.secret)).ok).toBe(true);
    expect((await s.post('/api/call/session.me', {}, again.secret)).status).toBe(401);
    const disabled = await s.post('/api/login', { username: 'bob', password: TEST_PASSWORD });
    expect(disabled.status).toBe(403);
    expect(disabled.json.error?.message).toMatch(/disabled/);

    expect((await s.call('accounts.update', { id: bobId, disabled: false }, admin.secret)).ok).toBe(true);
    const third = await s.login('bob');
    expect((await s.call('accounts.remove', { id: bobId }, admin.secret)).ok).toBe(true);
    expect((await s.post('/api/call/session.me', {}, third.secret)).status).toBe(401);
    expect((await s.post('/api/login', { username: 'bob', password: TEST_PASSWORD })).status).toBe(401);
  });

  it('keeps the last active admin: it cannot be demoted, disabled or removed', async () => {
    s = await startAccountsServer();
    const rootId = await s.addAccount('root', 'admin');
    const admin = await s.login('root');
    for (const [method, params] of [
      ['accounts.update', { id: rootId, role: 'viewer' }],
      ['accounts.update', { id: rootId, disabled: true }],
      ['accounts.remove', { id: rootId }],
    ] as const) {
      const res = await s.call(method, params, admin.secret);
      expect(res.error).toMatchObject({ code: 'CONFLICT' });
      expect(res.error?.message).toMatch(/last active admin/);
    }
  });

  it('admins create accounts with a minimum password length and unique names; others may not', async () => {
    s = await startAccountsServer();
    await s.addAccount('root', 'admin');
    await s.addAccount('ops', 'operator');
    const admin = await s.login('root');
    const ops = await s.login('ops');
    const short = await s.call(
      'accounts.create',
      { username: 'v', password: 'too short', role: 'viewer' },
      admin.secret,
    );
    expect(short.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(short.error?.message).toMatch(/at least 12/);
    const made = await s.call(
      'accounts.create',
      { username: 'Vera', password: TEST_PASSWORD, role: 'viewer' },
      admin.secret,
    );
    expect(made.value).toMatchObject({ username: 'Vera', role: 'viewer', disabled: false });
    const dup = await s.call(
      'accounts.create',
      { username: 'vera', password: TEST_PASSWORD, role: 'viewer' },
      admin.secret,
    );
    expect(dup.error).toMatchObject({ code: 'CONFLICT' });
    const local = await s.call(
      'accounts.create',
      { username: 'local', password: TEST_PASSWORD, role: 'viewer' },
      admin.secret,
    );
    expect(local.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const denied = await s.call(
      'accounts.create',
      { username: 'x', password: TEST_PASSWORD, role: 'admin' },
      ops.secret,
    );
    expect(denied.error).toMatchObject({ code: 'FORBIDDEN' });
    // The password never reaches the audit log.
    expect(s.audit().map((e) => e.method)).toContain('accounts.create');
    expect(JSON.stringify(s.audit())).not.toContain(TEST_PASSWORD);
  });

  it('change own password needs the old one and ends the other sessions, not this one', async () => {
    s = await startAccountsServer();
    await s.addAccount('vera', 'viewer');
    const one = await s.login('vera');
    const two = await s.login('vera');
    const wrong = await s.call(
      'session.changePassword',
      { oldPassword: 'not it at all', newPassword: 'a new long password' },
      one.secret,
    );
    expect(wrong.error?.message).toMatch(/current password is not right/);
    const short = await s.call(
      'session.changePassword',
      { oldPassword: TEST_PASSWORD, newPassword: 'short' },
      one.secret,
    );
    expect(short.error?.message).toMatch(/at least 12/);
    const ok = await s.call(
      'session.changePassword',
      { oldPassword: TEST_PASSWORD, newPassword: 'a new long password' },
      one.secret,
    );
    expect(ok.ok).toBe(true);
    expect((await me(one.secret)).ok).toBe(true);
    expect((await s.post('/api/call/session.me', {}, two.secret)).status).toBe(401);
    expect((await s.post('/api/login', { username: 'vera', password: TEST_PASSWORD })).status).toBe(401);
    expect((await s.login('vera', 'a new long password')).user).toBe('vera');
  });

  it('API tokens: shown once, work as x-berth-token with the account role, stop when revoked', async () => {
    s = await startAccountsServer();
    await s.addAccount('ci', 'operator');
    const grant = await s.login('ci');
    const made = (
      await s.call('session.createToken', { name: 'deploy script', expiresInDays: 30 }, grant.secret)
    ).value as ApiTokenCreated;
    expect(made.value).toMatch(/^berth_pat_/);
    expect(made.token.expiresAt).toBeGreaterThan(Date.now());
    const listed = (await s.call('session.tokens', {}, grant.secret)).value as unknown[];
    expect(JSON.stringify(listed)).not.toContain(made.value);
    expect(((await me(made.value)).value as SessionInfo).user).toBe('ci');
    expect((await s.call('accounts.list', {}, made.value)).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.call('session.revokeToken', { tokenId: made.token.id }, grant.secret)).ok).toBe(true);
    expect((await s.post('/api/call/session.me', {}, made.value)).status).toBe(401);
  });
});

describe('accounts mode over HTTP: brute force', () => {
  it('locks a guessing client out of the account, even with the right password, and the lockout ends', async () => {
    s = await startAccountsServer({ loginThrottle: { perPair: 3, firstLockMs: 600 } });
    await s.addAccount('alice', 'admin');
    for (let i = 0; i < 3; i++) {
      expect((await s.post('/api/login', { username: 'alice', password: `guess number ${i}` })).status).toBe(
        401,
      );
    }
    const locked = await s.post('/api/login', { username: 'alice', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(locked.json.error?.message).toMatch(/Too many wrong passwords/);
    await new Promise((r) => setTimeout(r, 700));
    expect((await s.login('alice')).user).toBe('alice');
  });
});
