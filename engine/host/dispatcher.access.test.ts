import { describe, expect, it, vi } from 'vitest';
import { methods, methodNames, streams } from '../contract';
import { createDispatcher } from './dispatcher';
import type { Caller } from '../base/audit';
import type { Handlers } from '../base/handlers';

const operator: Caller = { role: 'operator', user: 'o', via: 'web' };
const viewer: Caller = { role: 'viewer', user: 'v', via: 'web' };
const admin: Caller = { role: 'admin', user: 'a', via: 'web' };

function handlers(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (t, k: string) =>
      (t as Record<string, unknown>)[k] ?? (() => Promise.reject(new Error(`unexpected ${k}`))),
  });
}

const spec = (extra: Record<string, unknown>) => ({ spec: { image: 'busybox', ...extra }, start: false });

describe('access re-derived from power (docs/adr/0009)', () => {
  it('an operator may create plain containers, but not privileged, capability, host-network or bind-mount ones', async () => {
    const create = vi.fn(() => Promise.resolve({ id: 'c', name: 'n', warnings: [] } as never));
    const d = createDispatcher(handlers({ 'containers.create': create }));
    expect(
      await d(
        'containers.create',
        spec({ volumes: [{ type: 'volume', source: 'data', target: '/data' }] }),
        operator,
      ),
    ).toMatchObject({ ok: true });
    for (const risky of [
      { privileged: true },
      { capAdd: ['SYS_ADMIN'] },
      { network: 'host' },
      { volumes: [{ type: 'bind', source: '/', target: '/host' }] },
      { volumes: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }] },
    ]) {
      expect(await d('containers.create', spec(risky), operator)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await d('containers.create', spec(risky), admin)).toMatchObject({ ok: true });
    }
    expect(create).toHaveBeenCalledTimes(6);
  });

  it('an operator may not recreate a container with a host bind mount', async () => {
    const d = createDispatcher(
      handlers({ 'containers.recreate': () => Promise.resolve({ id: 'x', name: 'x' } as never) }),
    );
    const changes = { volumes: [{ type: 'bind', source: '/etc', target: '/etc' }] };
    expect(await d('containers.recreate', { id: 'c', changes }, operator)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reading or browsing host files, and env files from a folder, is admin-level (and not audited as a change)', async () => {
    const d = createDispatcher(handlers({ 'compose.validate': () => Promise.resolve({ problems: [] }) }));
    for (const m of [
      'compose.files.read',
      'compose.files.browse',
      'compose.env.read',
      'compose.config',
      'compose.dependencies',
      'compose.projects.open',
    ] as const) {
      expect(methods[m].access).toBe('admin');
      expect(await d(m, {}, operator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(methods['compose.files.read'].mutates).toBe(false);
    expect(await d('compose.validate', { content: 'services: {}' }, viewer)).toMatchObject({ ok: true });
    expect(
      await d('compose.validate', { content: 'services: {}', workingDir: '/etc' }, viewer),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a viewer sees environment names but not values in containers.inspect; an operator sees them', async () => {
    const details = { id: 'c', env: [{ key: 'POSTGRES_PASSWORD', value: 'hunter2' }] };
    const d = createDispatcher(handlers({ 'containers.inspect': () => Promise.resolve(details as never) }));
    const seen = await d('containers.inspect', { id: 'c' }, viewer);
    expect(JSON.stringify(seen)).not.toContain('hunter2');
    expect(seen).toMatchObject({ ok: true, value: { env: [{ key: 'POSTGRES_PASSWORD' }] } });
    expect(await d('containers.inspect', { id: 'c' }, operator)).toMatchObject({
      ok: true,
      value: { env: [{ value: 'hunter2' }] },
    });
  });

  it('a shell in a container (exec, attach) is admin-level', () => {
    expect(streams['containers.exec'].access).toBe('admin');
    expect(streams['containers.attach'].access).toBe('admin');
  });

  it('every method has an explicit access level', () => {
    for (const m of methodNames) expect(['read', 'operate', 'admin']).toContain(methods[m].access);
  });
});
