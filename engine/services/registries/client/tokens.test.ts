import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpResponse } from './http';
import { TokenCache } from './tokens';

const answer = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: {},
  body: Buffer.from(JSON.stringify(body)),
  url: new URL('http://t.invalid/token'),
});
const challenge = {
  scheme: 'bearer' as const,
  params: { realm: 'http://t.invalid/token', service: 'reg', scope: 'repository:a:pull' },
};

afterEach(() => vi.useRealTimers());

describe('TokenCache', () => {
  it('reuses a token for its scope until shortly before it expires', async () => {
    vi.useFakeTimers();
    let n = 0;
    const exchange = vi.fn(() => Promise.resolve(answer(200, { access_token: `t${++n}`, expires_in: 30 })));
    const cache = new TokenCache(exchange, 'reg.example');
    expect(await cache.get(challenge, 'ignored')).toBe('t1');
    expect(await cache.get(undefined, 'repository:a:pull')).toBe('t1');
    vi.advanceTimersByTime(19_000);
    expect(await cache.get(undefined, 'repository:a:pull')).toBe('t1');
    vi.advanceTimersByTime(2_000); // 30 s lifetime, renewed 10 s early
    expect(await cache.get(undefined, 'repository:a:pull')).toBe('t2');
    const url = exchange.mock.calls[0] as unknown as [URL, string | undefined];
    expect(url[0].search).toBe('?service=reg&scope=repository%3Aa%3Apull');
    expect(url[1]).toBeUndefined();
  });

  it('sends one scope parameter per scope and the account with credentials', async () => {
    const exchange = vi.fn((_url: URL, _auth?: string) => Promise.resolve(answer(200, { token: 'x' })));
    const cache = new TokenCache(exchange, 'reg.example', { username: 'me', password: 'pw' });
    await cache.get(
      { ...challenge, params: { ...challenge.params, scope: 'repository:a:pull repository:b:pull' } },
      '',
    );
    const [url, auth] = exchange.mock.calls[0] ?? [];
    expect(url?.searchParams.getAll('scope')).toEqual(['repository:a:pull', 'repository:b:pull']);
    expect(url?.searchParams.get('account')).toBe('me');
    expect(auth).toBe(`Basic ${Buffer.from('me:pw').toString('base64')}`);
  });

  it('says what went wrong with the token service', async () => {
    const refuse = new TokenCache(() => Promise.resolve(answer(401, {})), 'reg.example', {
      username: 'me',
      password: 'pw',
    });
    await expect(refuse.get(challenge, '')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The registry reg.example refused the user name or password.',
    });
    const empty = new TokenCache(() => Promise.resolve(answer(200, { nothing: true })), 'reg.example');
    await expect(empty.get(challenge, '')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The token service of reg.example sent no token.',
    });
    const bad = new TokenCache(() => Promise.resolve(answer(200, {})), 'reg.example');
    await expect(bad.get({ ...challenge, params: { realm: 'not a url' } }, '')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('has no token to offer before any registry challenge named a realm', async () => {
    const exchange = vi.fn(() => Promise.resolve(answer(200, { token: 'x' })));
    expect(await new TokenCache(exchange, 'reg.example').get(undefined, 'repository:a:pull')).toBeUndefined();
    expect(exchange).not.toHaveBeenCalled();
  });
});
