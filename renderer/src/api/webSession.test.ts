import { describe, expect, it } from 'vitest';
import { establishWebSession, SESSION_STORAGE_KEY } from './webSession';

const grant = { secret: 's3cret', transferKey: 'k', role: 'admin', user: 'local' };

function env(hash: string, answers: Record<string, number>) {
  const store = new Map<string, string>();
  const requests: { url: string; init?: RequestInit }[] = [];
  const replaced: string[] = [];
  return {
    store,
    requests,
    replaced,
    env: {
      location: { hash, origin: 'http://127.0.0.1:7780', pathname: '/containers', search: '?x=1' },
      history: {
        replaceState: (_d: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
      fetch: ((url: string, init?: RequestInit) => {
        requests.push({ url, ...(init ? { init } : {}) });
        const status = answers[init?.method ?? 'GET'] ?? 401;
        return Promise.resolve(
          new Response(JSON.stringify(status === 200 ? { ok: true, value: grant } : { ok: false }), {
            status,
          }),
        );
      }) as typeof fetch,
    },
  };
}

describe('establishWebSession', () => {
  it('exchanges the one-time code from the fragment, removes it from the URL and keeps the session', async () => {
    const t = env('#code=abc', { POST: 200 });
    const result = await establishWebSession(t.env);
    expect(result).toEqual({ ok: true, grant });
    expect(t.replaced).toEqual(['/containers?x=1']);
    expect(t.requests[0]?.url).toBe('http://127.0.0.1:7780/api/session');
    expect(t.requests[0]?.init?.body).toBe(JSON.stringify({ code: 'abc' }));
    expect(t.requests[0]?.init?.credentials).toBe('omit');
    expect(JSON.parse(t.store.get(SESSION_STORAGE_KEY) ?? '{}')).toEqual(grant);
  });

  it('says the link was used when the exchange fails, and stores nothing', async () => {
    const t = env('#code=used', { POST: 401 });
    const result = await establishWebSession(t.env);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/already used/);
    expect(t.store.size).toBe(0);
  });

  it('reuses a stored session that is still alive, and forgets one that is not', async () => {
    const alive = env('', { GET: 200 });
    alive.store.set(SESSION_STORAGE_KEY, JSON.stringify(grant));
    expect(await establishWebSession(alive.env)).toEqual({ ok: true, grant });
    expect((alive.requests[0]?.init?.headers as Record<string, string>)['x-berth-token']).toBe('s3cret');

    const ended = env('', { GET: 401 });
    ended.store.set(SESSION_STORAGE_KEY, JSON.stringify(grant));
    expect((await establishWebSession(ended.env)).ok).toBe(false);
    expect(ended.store.size).toBe(0);
  });

  it('trades an API token in the fragment for a session sent as a header, never in the body', async () => {
    const t = env('#token=api', { POST: 200 });
    expect((await establishWebSession(t.env)).ok).toBe(true);
    expect((t.requests[0]?.init?.headers as Record<string, string>)['x-berth-token']).toBe('api');
  });
});
