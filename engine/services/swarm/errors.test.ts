import { describe, expect, it } from 'vitest';
import { mapSwarmError } from './errors';
import { parseSwarmStatus } from './status';
import { diffTasks } from './tasks';
import type { SwarmTask } from '../../contract';

const engine = (statusCode: number, message: string) => ({ statusCode, json: { message } });

describe('swarm error mapping', () => {
  it('says which node is a manager when this one is a worker', () => {
    const status = parseSwarmStatus({ Swarm: { LocalNodeState: 'active', ControlAvailable: false, NodeID: 'w1', RemoteManagers: [{ NodeID: 'm1', Addr: '10.0.0.1:2377' }] } });
    const e = mapSwarmError(engine(503, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state."), { status });
    expect(e.message).toMatch(/worker node\. Connect Berth to a manager \(10\.0\.0\.1:2377\)/);
  });

  it('names the unreachable manager and what to check', () => {
    const e = mapSwarmError(engine(500, 'rpc error: code = Unavailable desc = connection error: dial tcp 10.9.9.9:2377: connect: connection refused'), { remoteAddrs: ['10.9.9.9:2377'] });
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/manager at 10\.9\.9\.9:2377 cannot be reached.*2377.*firewall/);
  });

  it('maps refused specs to the form field, names and ports taken, and stale versions', () => {
    const c = mapSwarmError(engine(400, 'rpc error: code = InvalidArgument desc = invalid constraint: expected operator in node.rolemanager'), { object: 'service web' });
    expect(c).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'constraints' } });
    expect(c.message).toBe('The engine refused the service settings: invalid constraint: expected operator in node.rolemanager');
    const p = mapSwarmError(engine(400, "rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'a' (x) as an ingress port"));
    expect(p).toMatchObject({ code: 'CONFLICT', details: { field: 'ports', port: 8080 } });
    const n = mapSwarmError(engine(409, 'rpc error: code = AlreadyExists desc = name conflicts with an existing object'), { object: 'service web' });
    expect(n).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(mapSwarmError(engine(500, 'rpc error: code = Unknown desc = update out of sequence'), { object: 'service web' }).message).toMatch(/changed by someone else/);
  });
});

describe('swarm status parsing', () => {
  it('reads an inactive engine, a manager and a locked one', () => {
    expect(parseSwarmStatus({})).toEqual({ state: 'inactive', isManager: false, remoteManagers: [] });
    expect(parseSwarmStatus({ Swarm: { LocalNodeState: 'active', ControlAvailable: true, NodeID: 'n', NodeAddr: '1.2.3.4', Nodes: 3, Managers: 1, Cluster: { ID: 'c' }, RemoteManagers: null } }))
      .toEqual({ state: 'active', nodeId: 'n', nodeAddr: '1.2.3.4', isManager: true, clusterId: 'c', nodes: 3, managers: 1, remoteManagers: [] });
    expect(parseSwarmStatus({ Swarm: { LocalNodeState: 'locked', ControlAvailable: true } }).isManager).toBe(false);
  });
});

describe('task diffing', () => {
  const task = (id: string, state: SwarmTask['state'], updatedAt = 1): SwarmTask => ({ id, serviceId: 's', serviceName: 'web', desiredState: 'running', state, updatedAt });
  it('reports changed, new and gone tasks, ignoring a bare updatedAt move', () => {
    const current = new Map([['a', task('a', 'running')], ['b', task('b', 'preparing')], ['c', task('c', 'running')]]);
    const fresh = new Map([['a', task('a', 'running', 99)], ['b', task('b', 'running')], ['d', task('d', 'pending')]]);
    expect(diffTasks(current, fresh)).toEqual({ changed: ['b', 'd'], gone: ['c'] });
  });
});
