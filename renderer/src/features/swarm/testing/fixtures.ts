import type {
  SwarmDetails,
  SwarmNode,
  SwarmServiceSummary,
  SwarmStatus,
  SwarmTask,
} from '../../../api/contract';

export const inactiveStatus: SwarmStatus = { state: 'inactive', isManager: false, remoteManagers: [] };

export const managerStatus: SwarmStatus = {
  state: 'active',
  nodeId: 'n1abcdef0001',
  nodeAddr: '10.0.0.11',
  isManager: true,
  clusterId: 'c1u5t3r1d0000000',
  nodes: 3,
  managers: 1,
  remoteManagers: [{ nodeId: 'n1abcdef0001', addr: '10.0.0.11:2377' }],
};

export const workerStatus: SwarmStatus = {
  state: 'active',
  nodeId: 'n2abcdef0002',
  nodeAddr: '10.0.0.12',
  isManager: false,
  remoteManagers: [{ nodeId: 'n1abcdef0001', addr: '10.0.0.11:2377' }],
};

export const swarmDetails: SwarmDetails = {
  ...managerStatus,
  createdAt: Date.parse('2026-12-01T10:00:00Z'),
  settings: { taskHistoryLimit: 5, certExpiryHours: 2160, heartbeatSeconds: 5, autolock: false },
  version: 12,
  rootRotationInProgress: false,
  defaultAddrPool: ['10.0.0.0/8'],
};

export function swarmNode(hostname: string, overrides: Partial<SwarmNode> = {}): SwarmNode {
  return {
    id: `${hostname}-id`,
    hostname,
    role: 'worker',
    availability: 'active',
    state: 'ready',
    addr: '10.0.0.12',
    leader: false,
    engineVersion: '27.3.1',
    os: 'linux',
    arch: 'x86_64',
    cpus: 2,
    memoryBytes: 2 * 1024 ** 3,
    labels: {},
    engineLabels: {},
    self: false,
    version: 10,
    ...overrides,
  };
}

export function swarmService(
  name: string,
  overrides: Partial<SwarmServiceSummary> = {},
): SwarmServiceSummary {
  return {
    id: `${name}-id`,
    name,
    image: 'nginx:1.27',
    mode: 'replicated',
    replicas: 3,
    running: 3,
    desired: 3,
    ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }],
    labels: {},
    networks: ['web_net'],
    version: 7,
    ...overrides,
  };
}

export function swarmTask(id: string, overrides: Partial<SwarmTask> = {}): SwarmTask {
  return {
    id,
    serviceId: 'web-id',
    serviceName: 'web',
    slot: 1,
    nodeId: 'node-1-id',
    desiredState: 'running',
    state: 'running',
    message: 'started',
    stateSince: Date.parse('2026-12-07T12:00:00Z'),
    createdAt: Date.parse('2026-12-07T11:59:00Z'),
    ...overrides,
  };
}
