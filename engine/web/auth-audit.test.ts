import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../base/audit';
import { ALL_CLIENTS, AuthAudit } from './auth-audit';

let audit: AuthAudit | undefined;
afterEach(() => audit?.close());

function setup(options: { perClientPerMinute?: number; totalPerMinute?: number } = {}) {
  const entries: AuditEntry[] = [];
  let t = 1_000_000;
  audit = new AuthAudit((e) => entries.push(e), { ...options, now: () => t });
  return { entries, audit, advance: (ms: number) => (t += ms) };
}

const fail = (a: AuthAudit, client: string, user = 'alice') =>
  a.failure('auth.login', { user, client, reason: 'wrong-password', errorCode: 'UNAUTHENTICATED' });

describe('sign-in audit', () => {
  it('writes successes with the caller and client, failures with the tried name and reason only', () => {
    const { entries, audit: a } = setup();
    a.success('auth.login', {
      user: 'alice',
      role: 'operator',
      via: 'web',
      account: 'id1',
      session: 's1',
      client: '198.51.100.7',
    });
    fail(a, '203.0.113.1', 'bob');
    expect(entries).toEqual([
      {
        at: 1_000_000,
        caller: { user: 'alice', role: 'operator', via: 'web', client: '198.51.100.7' },
        method: 'auth.login',
        params: { session: 's1' },
        ok: true,
      },
      {
        at: 1_000_000,
        caller: { user: 'bob', role: 'anonymous', via: 'web', client: '203.0.113.1' },
        method: 'auth.login',
        params: { reason: 'wrong-password' },
        ok: false,
        errorCode: 'UNAUTHENTICATED',
      },
    ]);
  });

  it('writes at most N failures per client a minute, then one "N more" entry when the minute is over', () => {
    const { entries, audit: a, advance } = setup({ perClientPerMinute: 3 });
    for (let i = 0; i < 50; i++) fail(a, '203.0.113.1', i % 2 ? 'alice' : 'bob');
    fail(a, '203.0.113.2');
    expect(entries).toHaveLength(4);
    advance(60_000);
    a.flush();
    const summary = entries.at(-1);
    expect(summary).toMatchObject({
      method: 'auth.login',
      ok: false,
      errorCode: 'RATE_BOUND',
      caller: { role: 'anonymous', client: '203.0.113.1', user: '' },
      params: { moreFailedAttempts: 47, usernames: ['alice', 'bob'] },
    });
    expect(entries).toHaveLength(5);
    // A new minute: the client's entries are written again.
    fail(a, '203.0.113.1');
    expect(entries).toHaveLength(6);
  });

  it('bounds a distributed flood: the total budget, the rest summarised once for all clients', () => {
    const { entries, audit: a, advance } = setup({ perClientPerMinute: 5, totalPerMinute: 20 });
    for (let i = 0; i < 1000; i++) fail(a, `10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(entries).toHaveLength(20);
    advance(61_000);
    a.flush();
    expect(entries).toHaveLength(21);
    expect(entries[20]).toMatchObject({
      caller: { client: ALL_CLIENTS, user: 'alice' },
      params: { moreFailedAttempts: 980 },
    });
  });

  it('writes pending summaries on close, and a failing log never breaks signing in', () => {
    const { entries, audit: a } = setup({ perClientPerMinute: 1 });
    fail(a, '203.0.113.1');
    fail(a, '203.0.113.1');
    a.close();
    expect(entries.map((e) => e.errorCode)).toEqual(['UNAUTHENTICATED', 'RATE_BOUND']);
    const broken = new AuthAudit(() => {
      throw new Error('disk full');
    });
    expect(() => fail(broken, '203.0.113.1')).not.toThrow();
    broken.close();
  });
});
