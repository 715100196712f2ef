import { describe, expect, it } from 'vitest';
import { FailureRateLimiter, generateToken, tokensEqual } from './auth';
import {
  allowedHostHeaders,
  displayHost,
  formatHostPort,
  isLoopbackHost,
  normalizeHostHeader,
} from './host-check';
import { SessionStore } from './sessions';

describe('tokens', () => {
  it('generates distinct 256-bit base64url tokens', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
    expect(tokensEqual('abc'.repeat(100), 'abc')).toBe(false);
  });
});

describe('FailureRateLimiter', () => {
  it('blocks after N distinct wrong tokens and forgets them after the window', () => {
    let now = 0;
    const limiter = new FailureRateLimiter({ maxFailures: 2, windowMs: 60_000, now: () => now });
    limiter.recordFailure('1.1.1.1', 'a');
    limiter.recordFailure('1.1.1.1', 'a');
    expect(limiter.isBlocked('1.1.1.1')).toBe(false);
    limiter.recordFailure('1.1.1.1', 'b');
    expect(limiter.isBlocked('1.1.1.1')).toBe(true);
    expect(limiter.isBlocked('2.2.2.2')).toBe(false);
    now = 30_000;
    expect(limiter.retryAfterSeconds('1.1.1.1')).toBe(30);
    now = 60_000;
    expect(limiter.isBlocked('1.1.1.1')).toBe(false);
  });
});

describe('host allowlist', () => {
  it('accepts the loopback names on our port when bound to loopback', () => {
    const hosts = allowedHostHeaders({ bindHost: '127.0.0.1', port: 7780 });
    expect([...hosts].sort()).toEqual(['127.0.0.1:7780', '[::1]:7780', 'localhost:7780']);
  });

  it('accepts exactly the configured host when bound elsewhere', () => {
    expect([...allowedHostHeaders({ bindHost: '192.168.1.5', port: 7780 })]).toEqual(['192.168.1.5:7780']);
  });

  it('accepts this machine’s addresses and name on a wildcard bind', () => {
    const hosts = allowedHostHeaders({
      bindHost: '0.0.0.0',
      port: 80,
      interfaceAddresses: ['10.0.0.2', 'fe80::1'],
      machineName: 'Box',
    });
    for (const h of ['10.0.0.2:80', '10.0.0.2', '[fe80::1]:80', 'box:80', 'localhost', '127.0.0.1:80']) {
      expect(hosts.has(h)).toBe(true);
    }
    expect(hosts.has('0.0.0.0:80')).toBe(false);
  });

  it('classifies and formats hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(formatHostPort('::1', 1)).toBe('[::1]:1');
    expect(displayHost('0.0.0.0')).toBe('127.0.0.1');
    expect(normalizeHostHeader('LocalHost:7780')).toBe('localhost:7780');
    expect(normalizeHostHeader('evil.example/x')).toBeUndefined();
  });
});

describe('SessionStore', () => {
  const caller = { role: 'admin', user: 'local', via: 'web' } as const;

  it('exchanges a login code once: a second use gets no session', () => {
    const store = new SessionStore({ caller });
    const code = store.issueLoginCode();
    const first = store.exchangeCode(code);
    expect(first?.session.caller).toEqual(caller);
    expect(store.resolve(first?.secret)).toBe(first?.session);
    expect(store.exchangeCode(code)).toBeUndefined();
    expect(store.resolve(code)).toBeUndefined();
  });

  it('refuses an expired code and ends idle sessions, but the API token lives as long as the server', () => {
    let now = 0;
    const store = new SessionStore({ caller, sessionTtlMs: 1000, now: () => now });
    const late = store.issueLoginCode(100);
    const code = store.issueLoginCode(100);
    const made = store.exchangeCode(code);
    now = 500;
    expect(store.resolve(made?.secret)).toBeDefined(); // use extends it to 1500
    now = 200 + 1000;
    expect(store.exchangeCode(late)).toBeUndefined();
    expect(store.resolve(made?.secret)).toBeDefined();
    now = 5000;
    expect(store.resolve(made?.secret)).toBeUndefined();
    expect(store.resolve(store.apiToken)).toBeDefined();
  });

  it('maps a transfer key to its session only', () => {
    const store = new SessionStore({ caller });
    const a = store.create(caller);
    const b = store.create(caller);
    expect(store.resolveTransferKey(a.session.transferKey)?.id).toBe(a.session.id);
    expect(store.resolveTransferKey(b.session.transferKey)?.id).toBe(b.session.id);
    expect(store.resolveTransferKey(a.secret)).toBeUndefined(); // the session secret is not a transfer key
    expect(store.resolve(a.session.transferKey)).toBeUndefined(); // and a transfer key opens no API
  });
});
