import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('LoginThrottle', () => {
  it('locks a client out of an account after 5 wrong passwords; the lockout ends and doubles next time', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 4; i++) th.failure('alice', '10.0.0.9');
    expect(th.check('alice', '10.0.0.9').ok).toBe(true);
    th.failure('alice', '10.0.0.9');
    const v = th.check('Alice', '10.0.0.9');
    expect(v).toMatchObject({ ok: false, retryAfterSeconds: 30 });
    // Not the owner on another client, and not another account from the guesser's client.
    expect(th.check('alice', '10.0.0.1').ok).toBe(true);
    expect(th.check('bob', '10.0.0.9').ok).toBe(true);
    c.advance(30_001);
    expect(th.check('alice', '10.0.0.9').ok).toBe(true);
    for (let i = 0; i < 5; i++) th.failure('alice', '10.0.0.9');
    expect(th.check('alice', '10.0.0.9')).toMatchObject({ ok: false, retryAfterSeconds: 60 });
  });

  it('a success clears the client lockout count for that account', () => {
    const th = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < 4; i++) th.failure('alice', 'a');
    th.success('alice', 'a');
    for (let i = 0; i < 4; i++) th.failure('alice', 'a');
    expect(th.check('alice', 'a').ok).toBe(true);
  });

  it('locks a client spraying many usernames out of every account for 15 min', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now, perClient: 30 });
    for (let i = 0; i < 30; i++) th.failure(`user${i}`, 'sprayer');
    expect(th.check('someone-else', 'sprayer')).toMatchObject({ ok: false, retryAfterSeconds: 900 });
    expect(th.check('someone-else', 'other').ok).toBe(true);
    c.advance(15 * 60_000 + 1);
    expect(th.check('someone-else', 'sprayer').ok).toBe(true);
  });

  it('under a distributed attack on one account, clients that signed in before still get in; new ones wait', () => {
    const c = clock();
    const th = new LoginThrottle({ now: c.now, perAccount: 100 });
    th.success('alice', 'laptop');
    for (let i = 0; i < 100; i++) th.failure('alice', `bot${i}`);
    expect(th.check('alice', 'laptop').ok).toBe(true);
    expect(th.check('alice', 'new-phone').ok).toBe(false);
    expect(th.check('bob', 'new-phone').ok).toBe(true);
    c.advance(15 * 60_000 + 1);
    expect(th.check('alice', 'new-phone').ok).toBe(true);
  });
});
