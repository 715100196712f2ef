import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/sqlite';
import { LoginThrottle } from './login-throttle';

describe('persisted login throttle', () => {
  it('a new throttle over the same store keeps every key: pair lockout and its doubling, client, known clients', () => {
    const store = openMemoryStore();
    const persisted = store.accounts.throttle;
    if (!persisted) throw new Error('the SQLite accounts store persists the throttle');
    let t = 1_000_000;
    const options = { now: () => t, store: persisted, perPair: 2, perClient: 3, perAccount: 4 };
    const first = new LoginThrottle(options);
    first.success('alice', '10.0.0.1');
    first.failure('alice', '10.0.0.9');
    first.failure('alice', '10.0.0.9');
    first.failure('bob', '10.0.0.9');
    first.failure('alice', '10.0.0.7');
    first.failure('alice', '10.0.0.6');

    const second = new LoginThrottle(options);
    expect(second.check('alice', '10.0.0.9')).toMatchObject({ ok: false, retryAfterSeconds: 30 });
    // Past the pair's 30 s the client's own lockout (3 failures, any account) still holds.
    t += 31_000;
    expect(second.check('bob', '10.0.0.9')).toMatchObject({ ok: false, retryAfterSeconds: 869 });
    // The account is under attack (4 failures): a new client waits, the known one still gets in.
    expect(second.check('alice', '10.0.0.5').ok).toBe(false);
    expect(second.check('alice', '10.0.0.1').ok).toBe(true);
    t += 16 * 60_000;
    expect(second.check('alice', '10.0.0.9').ok).toBe(true);
    // The pair's lockout count survived: the next lockout is twice the first (30 s → 60 s).
    second.failure('alice', '10.0.0.9');
    second.failure('alice', '10.0.0.9');
    expect(new LoginThrottle(options).check('alice', '10.0.0.9')).toMatchObject({
      ok: false,
      retryAfterSeconds: 60,
    });
    store.close();
  });

  it('drops expired rows and keeps the table within its bound', () => {
    const store = openMemoryStore();
    const persisted = store.accounts.throttle;
    if (!persisted) throw new Error('no throttle store');
    for (let i = 0; i < 50; i++)
      persisted.put({ kind: 'client', key: `10.0.0.${i}`, data: {}, expiresAt: 1000 + i });
    persisted.prune(1010, 100);
    expect(persisted.load(0).map((r) => r.key)).toHaveLength(39);
    persisted.prune(0, 5);
    expect(persisted.load(0).map((r) => r.key)).toEqual([
      '10.0.0.45',
      '10.0.0.46',
      '10.0.0.47',
      '10.0.0.48',
      '10.0.0.49',
    ]);
    // A malformed row only loosens: it is skipped.
    persisted.put({ kind: 'pair', key: 'x', data: 'nonsense', expiresAt: 5000 });
    expect(new LoginThrottle({ store: persisted, now: () => 0 }).check('x', 'y').ok).toBe(true);
    store.close();
  });
});
