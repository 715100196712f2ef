import { describe, expect, it } from 'vitest';
import { FailureRateLimiter, generateToken, readCookie, tokensEqual } from './auth';
import {
  allowedHostHeaders,
  displayHost,
  formatHostPort,
  isLoopbackHost,
  normalizeHostHeader,
} from './host-check';
import { splitUrl } from './guard';

describe('tokens and cookies', () => {
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

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; berth_token_7780=xyz; b=2', 'berth_token_7780')).toBe('xyz');
    expect(readCookie('berth_token_7781=xyz', 'berth_token_7780')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
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

describe('splitUrl', () => {
  it('keeps redirects on this server', () => {
    expect(splitUrl('//evil.example/a?b=1').pathname).toBe('/evil.example/a');
    expect(splitUrl('/\\evil.example').pathname).toBe('/evil.example');
    expect(splitUrl('/x?token=1&y=2').query.get('y')).toBe('2');
  });
});
