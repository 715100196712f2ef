import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions';

const local = { role: 'admin' as const, user: 'local', via: 'web' as const };
const alice = { role: 'viewer' as const, user: 'alice', via: 'web' as const, account: 'a1' };

describe('SessionStore with accounts', () => {
  it('ends an account session when idle, and at its absolute deadline however busy it is', () => {
    let t = 0;
    const store = new SessionStore({ caller: local, sessionTtlMs: 1000, now: () => t });
    const idle = store.create(alice, { maxAgeMs: 5000 });
    t = 1001;
    expect(store.resolve(idle.secret)).toBeUndefined();
    const busy = store.create(alice, { maxAgeMs: 5000 });
    for (t = 1001; t < 6001; t += 500) expect(store.resolve(busy.secret)).toBeDefined();
    t = 6002;
    expect(store.resolve(busy.secret)).toBeUndefined();
  });

  it('endWhere ends matching sessions and tells the listeners; login codes are off in accounts mode', () => {
    const store = new SessionStore({ caller: local, loginCodes: false });
    const a = store.create(alice);
    const b = store.create({ ...alice, account: 'a2', user: 'bob' });
    const ended: string[] = [];
    store.onEnd((s) => ended.push(s.caller.user));
    expect(store.endWhere((s) => s.caller.account === 'a1')).toBe(1);
    expect(ended).toEqual(['alice']);
    expect(store.resolve(a.secret)).toBeUndefined();
    expect(store.resolve(b.secret)).toBeDefined();
    expect(store.exchangeCode(store.issueLoginCode())).toBeUndefined();
  });
});
