import { describe, expect, it, vi } from 'vitest';
import { BerthError } from '../base/errors';
import { createDispatcher } from './dispatcher';
import type { Caller } from '../base/audit';
import type { Handlers } from '../base/handlers';

const admin: Caller = { role: 'admin', user: 'local', via: 'cli' };
const viewer: Caller = { role: 'viewer', user: 'v', via: 'web' };

function handlers(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (t, k: string) =>
      (t as Record<string, unknown>)[k] ?? (() => Promise.reject(new Error(`unexpected ${k}`))),
  });
}

describe('dispatcher', () => {
  it('rejects unknown methods without calling anything', async () => {
    const d = createDispatcher(handlers({}));
    const r = await d('containers.explode', {}, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_FOUND' } });
  });

  it('validates input before the handler runs', async () => {
    const start = vi.fn();
    const d = createDispatcher(handlers({ 'containers.start': start }));
    const r = await d('containers.start', { id: '../../etc' }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(start).not.toHaveBeenCalled();
    const extra = await d('containers.start', { id: 'abc', extra: 1 }, admin);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('checks the role for every method', async () => {
    const list = vi.fn(() => Promise.resolve([]));
    const stop = vi.fn(() => Promise.resolve());
    const d = createDispatcher(handlers({ 'containers.list': list, 'containers.stop': stop }));
    expect(await d('containers.list', {}, viewer)).toEqual({ ok: true, value: [] });
    expect(await d('containers.stop', { id: 'abc' }, viewer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(stop).not.toHaveBeenCalled();
  });

  it('turns throws into error data and audits mutating calls', async () => {
    const audit = vi.fn();
    const d = createDispatcher(
      handlers({
        'containers.stop': () => Promise.reject(new BerthError('NOT_FOUND', 'No such container: abc')),
        'containers.start': () => Promise.reject(new Error('boom')),
        'containers.list': () => Promise.resolve([]),
      }),
      { audit },
    );
    expect(await d('containers.stop', { id: 'abc' }, admin)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such container: abc' },
    });
    expect(await d('containers.start', { id: 'abc' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    await d('containers.list', {}, admin);
    expect(audit).toHaveBeenCalledTimes(2);
    expect(audit.mock.calls[0]?.[0]).toMatchObject({
      method: 'containers.stop',
      ok: false,
      errorCode: 'NOT_FOUND',
    });
  });
});
