import { describe, expect, it } from 'vitest';
import { mapDataError } from './errors';
import { configContent, toDataSummary, usageOf } from './summaries';
import type { EngineServiceRefs } from './engine-types';

const engine = (statusCode: number, message: string) => ({ statusCode, json: { message } });

describe('secret and config error mapping', () => {
  it('names the services a removal is refused for (the engine error, if a service appeared meanwhile)', () => {
    const e = mapDataError(engine(400, "rpc error: code = InvalidArgument desc = secret 'db' is in use by the following services: api, worker"), 'secret', 'remove', 'db');
    expect(e).toMatchObject({ code: 'CONFLICT', details: { services: ['api', 'worker'] } });
    expect(e.message).toBe('Secret db is used by services api, worker. Remove it from those services (or remove them) first.');
    const one = mapDataError(engine(400, "rpc error: code = InvalidArgument desc = config 'c' is in use by the following service: web"), 'config', 'remove', 'c');
    expect(one.message).toBe('Config c is used by service web. Remove it from that service (or remove the service) first.');
  });

  it('maps name taken, not a manager and too large', () => {
    expect(mapDataError(engine(409, 'rpc error: code = AlreadyExists desc = secret db already exists'), 'secret', 'create', 'db')).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const nm = mapDataError(engine(503, 'This node is not a swarm manager. Worker nodes can\'t be used to view or modify cluster state.'), 'config', 'create', 'c');
    expect(nm.code).toBe('FORBIDDEN');
    expect(nm.message).toMatch(/Configs live in the swarm and need a manager/);
    const big = mapDataError(engine(400, 'rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 500 KB'), 'secret', 'create', 'db');
    expect(big).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'content' } });
    expect(mapDataError(engine(404, 'secret nope not found'), 'secret', 'inspect', 'nope').code).toBe('NOT_FOUND');
  });
});

describe('secret and config summaries', () => {
  const svc = (id: string, name: string, secrets: string[], configs: string[] = []): EngineServiceRefs => ({
    ID: id,
    Spec: { Name: name, TaskTemplate: { ContainerSpec: { Secrets: secrets.map((SecretID) => ({ SecretID })), Configs: configs.map((ConfigID) => ({ ConfigID })) } } },
  });

  it('lists the services that mount each object once, by name', () => {
    const usage = usageOf('secret', [svc('2', 'web', ['s1', 's1']), svc('1', 'api', ['s1', 's2']), svc('3', 'cfg', [], ['s1'])]);
    expect(usage.get('s1')).toEqual([{ id: '1', name: 'api' }, { id: '2', name: 'web' }]);
    expect(usage.get('s2')).toEqual([{ id: '1', name: 'api' }]);
    expect(usageOf('config', [svc('3', 'cfg', [], ['s1'])]).get('s1')).toEqual([{ id: '3', name: 'cfg' }]);
    const s = toDataSummary({ ID: 's1', Version: { Index: 7 }, CreatedAt: '2026-12-07T10:00:00Z', Spec: { Name: 'db', Labels: null, Driver: null } }, usage);
    expect(s).toEqual({ id: 's1', name: 'db', labels: {}, version: 7, createdAt: Date.parse('2026-12-07T10:00:00Z'), usedBy: usage.get('s1') });
  });

  it('shows a config as text only when it is UTF-8', () => {
    expect(configContent(Buffer.from('héllo\n').toString('base64'))).toEqual({ size: 7, text: 'héllo\n' });
    expect(configContent(Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64'))).toEqual({ size: 4 });
  });
});
