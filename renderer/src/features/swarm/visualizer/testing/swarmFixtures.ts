import type { SwarmNode, SwarmServiceSummary, SwarmStatus, SwarmTask } from '../../../../api/contract';

const T0 = Date.parse('2026-12-07T12:00:00Z');

/** A swarm node as nodes.list describes it (a ready, active worker unless told otherwise). */
export function swarmNode(hostname: string, overrides: Partial<SwarmNode> = {}): SwarmNode {
  return {
    id: `${hostname}-id`,
    hostname,
    role: 'worker',
    availability: 'active',
    state: 'ready',
    addr: '10.99.0.2',
    leader: false,
    engineVersion: '20.10.24',
    os: 'linux',
    arch: 'x86_64',
    cpus: 2,
    memoryBytes: 4_000_000_000,
    labels: {},
    engineLabels: {},
    self: false,
    version: 10,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A replicated service, converged unless told otherwise. */
export function swarmService(name: string, overrides: Partial<SwarmServiceSummary> = {}): SwarmServiceSummary {
  return {
    id: `${name}-sid`,
    name,
    image: 'berth-test/busybox:latest',
    mode: 'replicated',
    replicas: 2,
    running: 2,
    desired: 2,
    ports: [],
    labels: {},
    networks: [],
    version: 20,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A running task of `service` in `slot` on `node` (hostname). */
export function swarmTask(service: string, slot: number, node: string | undefined, overrides: Partial<SwarmTask> = {}): SwarmTask {
  return {
    id: `${service}-${slot}-${node ?? 'none'}-tid`,
    serviceId: `${service}-sid`,
    serviceName: service,
    slot,
    ...(node ? { nodeId: `${node}-id` } : {}),
    desiredState: 'running',
    state: 'running',
    message: 'started',
    containerId: `${service}${slot}c0ffee0000`,
    image: 'berth-test/busybox:latest',
    stateSince: T0 + slot * 1000,
    createdAt: T0 + slot * 1000,
    updatedAt: T0 + slot * 1000,
    ...overrides,
  };
}

export const managerStatus: SwarmStatus = {
  state: 'active',
  nodeId: 'node1-id',
  nodeAddr: '10.99.0.2',
  isManager: true,
  clusterId: 'cluster-1',
  nodes: 3,
  managers: 1,
  remoteManagers: [{ nodeId: 'node1-id', addr: '10.99.0.2:2377' }],
};

/** A three-node swarm (node1 the leader) with web (3 replicas) and api (2 replicas) spread over it. */
export function threeNodeSwarm() {
  const nodes = [
    swarmNode('node1', { role: 'manager', leader: true, reachability: 'reachable', self: true }),
    swarmNode('node2', { labels: { zone: 'b' } }),
    swarmNode('node3'),
  ];
  const services = [swarmService('web', { replicas: 3, running: 3, desired: 3, stack: 'shop' }), swarmService('api')];
  const tasks = [
    swarmTask('web', 1, 'node1', { stack: 'shop' }),
    swarmTask('web', 2, 'node2', { stack: 'shop' }),
    swarmTask('web', 3, 'node3', { stack: 'shop' }),
    swarmTask('api', 1, 'node2'),
    swarmTask('api', 2, 'node3'),
  ];
  return { nodes, services, tasks };
}
